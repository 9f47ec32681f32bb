import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { covenantSchema, type CovenantDocument } from './covenant-schema.js';
import { CovenantInvalid, type CovenantIssue } from './covenant-error.js';

/** The 1-based line of the node at `path`, or of its nearest existing parent. */
function lineOf(doc: Document, counter: LineCounter, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** A dotted, human path: `regels[3].categorieen[0]`. */
function fieldName(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(document)';
}

function referenceIssues(doc: CovenantDocument): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const categories = new Set(doc.gegevenscategorieen.map((c) => c.key));
  const purposes = new Set(doc.doelen.map((d) => d.key));
  const bases = new Set(doc.grondslagen.map((g) => g.key));
  const duplicates = (list: { key: string }[], section: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.key)) out.push({ path: [section, i, 'key'], message: `${item.key} komt twee keer voor` });
      seen.add(item.key);
    });
  };
  duplicates(doc.gegevenscategorieen, 'gegevenscategorieen');
  duplicates(doc.doelen, 'doelen');
  duplicates(doc.grondslagen, 'grondslagen');
  duplicates(
    doc.regels.map((r) => ({ key: r.id })),
    'regels',
  );
  doc.gegevenscategorieen.forEach((c, i) => {
    if (c.ouder && !categories.has(c.ouder))
      out.push({ path: ['gegevenscategorieen', i, 'ouder'], message: `onbekende categorie ${c.ouder}` });
  });
  doc.doelen.forEach((d, i) => {
    if (d.ouder && !purposes.has(d.ouder))
      out.push({ path: ['doelen', i, 'ouder'], message: `onbekend doel ${d.ouder}` });
  });
  for (const [section, list] of [
    ['gegevenscategorieen', doc.gegevenscategorieen],
    ['doelen', doc.doelen],
  ] as const) {
    const parent = new Map(list.map((x) => [x.key, x.ouder]));
    list.forEach((x, i) => {
      const seen = new Set<string>();
      for (let k: string | undefined = x.key; k; k = parent.get(k)) {
        if (seen.has(k)) {
          out.push({ path: [section, i, 'ouder'], message: `kringverwijzing via ${k}` });
          break;
        }
        seen.add(k);
      }
    });
  }
  doc.regels.forEach((r, i) => {
    r.categorieen.forEach(
      (c, j) =>
        !categories.has(c) && out.push({ path: ['regels', i, 'categorieen', j], message: `onbekende categorie ${c}` }),
    );
    r.toegestaneDoelen.forEach(
      (d, j) =>
        !purposes.has(d) && out.push({ path: ['regels', i, 'toegestaneDoelen', j], message: `onbekend doel ${d}` }),
    );
    r.verbodenDoelen.forEach(
      (d, j) =>
        !purposes.has(d) && out.push({ path: ['regels', i, 'verbodenDoelen', j], message: `onbekend doel ${d}` }),
    );
    if (r.grondslag && !bases.has(r.grondslag))
      out.push({ path: ['regels', i, 'grondslag'], message: `onbekende grondslag ${r.grondslag}` });
    if (r.effect === 'permit' && !r.grondslag)
      out.push({ path: ['regels', i], message: 'een permit-regel noemt zijn grondslag' });
    if (r.effect === 'permit' && r.toegestaneDoelen.length === 0)
      out.push({ path: ['regels', i], message: 'een permit-regel noemt minstens één toegestaan doel' });
    if (r.effect === 'deny' && r.toegestaneDoelen.length > 0)
      out.push({
        path: ['regels', i, 'toegestaneDoelen'],
        message: 'een deny-regel noemt alleen verbodenDoelen (geen = elk doel)',
      });
    if (r.actie === 'verstrekken' && r.effect === 'permit' && !r.ontvanger)
      out.push({ path: ['regels', i], message: 'een verstrekkingsregel noemt de ontvanger' });
    if (r.actie === 'aanleveren' && r.ontvanger)
      out.push({
        path: ['regels', i, 'ontvanger'],
        message: 'bij aanleveren is Knooppunt de ontvanger; laat dit veld weg',
      });
  });
  const c = doc.convenant;
  if (c.geldigTot && c.geldigTot <= c.geldigVanaf)
    out.push({ path: ['convenant', 'geldigTot'], message: 'ligt niet na geldigVanaf' });
  return out;
}

/**
 * Reads a covenant from YAML text. Every problem — YAML syntax, schema (unknown or missing fields,
 * wrong values) and references (unknown categories, purposes, legal bases; cycles) — is reported with
 * the file, line and field, all at once.
 */
export function parseCovenant(text: string, file: string): CovenantDocument {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new CovenantInvalid(
      doc.errors.map((e) => ({ file, line: e.linePos?.[0].line, field: '(yaml)', message: e.message.split('\n')[0]! })),
    );
  }
  if (!isMap(doc.contents) && !isSeq(doc.contents))
    throw new CovenantInvalid([{ file, field: '(document)', message: 'leeg of geen YAML-object' }]);
  const parsed = covenantSchema.safeParse(doc.toJS());
  const issue = (path: (string | number)[], message: string): CovenantIssue => ({
    file,
    line: lineOf(doc, counter, path),
    field: fieldName(path),
    message,
  });
  if (!parsed.success) {
    throw new CovenantInvalid(
      parsed.error.issues.map((i) => {
        const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
        const keys = (i as { keys?: string[] }).keys;
        return issue(keys?.length ? [...path, keys[0]!] : path, i.message);
      }),
    );
  }
  const problems = referenceIssues(parsed.data);
  if (problems.length > 0) throw new CovenantInvalid(problems.map((p) => issue(p.path, p.message)));
  return parsed.data;
}
