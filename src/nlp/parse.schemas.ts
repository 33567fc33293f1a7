import { z } from 'zod';

/**
 * What the parse process (nlp/parse.py) answers. Offsets are indices into the JavaScript string parsed (the
 * process counts code points; parse-process.ts converts); token indices count tokens from the text's start.
 */

export const Token = z.object({
  i: z.number().int().min(0),
  text: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  lemma: z.string(),
  /** Universal part of speech (VERB, NOUN, PROPN, …). */
  pos: z.string(),
  /** Penn Treebank tag (VBD, NNP, …). */
  tag: z.string(),
  /** Dependency label to the head (nsubj, dobj, conj, ROOT, …). */
  dep: z.string(),
  /** Index of the head token; a sentence's root is its own head. */
  head: z.number().int().min(0),
  /** Morphological features, `Tense=Past|VerbForm=Fin`; empty when none. */
  morph: z.string(),
});

const Span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0), text: z.string() });

export const Sentence = Span.extend({ tokens: z.array(Token) });
export const NounChunk = Span.extend({ root: z.number().int().min(0) });
/** A named entity: ORG, PERSON, GPE, NORP, DATE, … */
export const Entity = Span.extend({ label: z.string() });

export const ParsedText = z.object({ sentences: z.array(Sentence), nounChunks: z.array(NounChunk), entities: z.array(Entity) });

/** The first line the process writes, once its model is loaded. */
export const Ready = z.object({ ready: z.literal(true), model: z.string(), spacy: z.string() });

/** One answer line: the parses of a request's texts, in order, or why it failed. */
export const Answer = z.union([
  z.object({ id: z.number().int(), docs: z.array(ParsedText) }),
  z.object({ id: z.number().int().nullable(), error: z.string() }),
]);

export type Token = z.infer<typeof Token>;
export type Sentence = z.infer<typeof Sentence>;
export type Entity = z.infer<typeof Entity>;
export type ParsedText = z.infer<typeof ParsedText>;
export type Ready = z.infer<typeof Ready>;
