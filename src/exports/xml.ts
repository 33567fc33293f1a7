import { xmlEscape } from './graphml';

/**
 * An attribute value: escaped as text, and with tab and line breaks as character references, since a parser
 * turns raw ones in an attribute into spaces (XML 1.0, attribute-value normalisation).
 */
export function xmlAttribute(value: string): string {
  return xmlEscape(value).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export { xmlEscape };
