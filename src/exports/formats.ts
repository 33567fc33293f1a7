/** The export formats, in a module of their own so that `kb --help` can name them without loading zod. */
export const EXPORT_FORMATS = ['csv', 'plover', 'jsonld', 'graphml', 'ftm', 'stix', 'gexf', 'timelinejs', 'atom'] as const;
