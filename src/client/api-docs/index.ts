/**
 * Starts Swagger UI (the global SwaggerUIBundle, from /vendor) on the API page, over the document the page names.
 * Only the core preset: its base layout draws every operation, with none of the standalone top bar's inline
 * styles. Nothing is sent to another host: no validator badge (it would ask validator.swagger.io), and
 * "Try it out" calls this server; a signed-in user's writes carry the session's CSRF token as the forms do.
 */

interface SwaggerRequest {
  headers: Record<string, string>;
}

interface SwaggerUIOptions {
  url: string;
  domNode: HTMLElement;
  presets: unknown[];
  layout: string;
  deepLinking: boolean;
  displayOperationId: boolean;
  docExpansion: 'list' | 'full' | 'none';
  defaultModelsExpandDepth: number;
  validatorUrl: null;
  requestInterceptor: (request: SwaggerRequest) => SwaggerRequest;
}

declare const SwaggerUIBundle: ((options: SwaggerUIOptions) => unknown) & { presets: { apis: unknown } };

const csrfToken = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';

function withCsrf(request: SwaggerRequest): SwaggerRequest {
  if (csrfToken) request.headers['X-CSRF-Token'] = csrfToken;
  return request;
}

const root = document.querySelector<HTMLElement>('[data-api-docs]');
if (root?.dataset.document) {
  SwaggerUIBundle({
    url: root.dataset.document,
    domNode: root,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    deepLinking: true,
    displayOperationId: true,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    validatorUrl: null,
    requestInterceptor: withCsrf,
  });
}
