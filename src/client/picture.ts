/**
 * "SVG" and "PNG" downloads of a drawn chart. The page's stylesheet does not travel with a serialised
 * SVG, so the computed styles that give it its look are copied onto the copy first. The PNG is drawn from
 * a data: address, which the Content-Security-Policy allows for images (blob: it does not).
 */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
];

function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll<SVGElement>('*')];
  const copies = [copy, ...copy.querySelectorAll<SVGElement>('*')];
  originals.forEach((original, i) => {
    const computed = getComputedStyle(original);
    const target = copies[i];
    if (!target) return;
    for (const property of STYLE_PROPERTIES) target.style.setProperty(property, computed.getPropertyValue(property));
  });
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  copy.style.setProperty('background', '#ffffff');
  return new XMLSerializer().serializeToString(copy);
}

function save(href: string, name: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}

async function savePng(svgText: string, width: number, height: number, name: string): Promise<void> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const scale = Math.max(1, window.devicePixelRatio || 1);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) return;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  save(canvas.toDataURL('image/png'), name);
}

/** Shows the page's SVG/PNG buttons and makes them save the chart that `current()` returns. */
export function setupPictureDownloads(current: () => SVGSVGElement | null, baseName: string): void {
  document.querySelectorAll<HTMLButtonElement>('[data-download-picture]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => {
      const svg = current();
      if (!svg) return;
      const text = standaloneSvg(svg);
      if (button.dataset.downloadPicture === 'svg') {
        save(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`, `${baseName}.svg`);
      } else {
        const { width, height } = svg.getBoundingClientRect();
        void savePng(text, width, height, `${baseName}.png`);
      }
    });
  });
}
