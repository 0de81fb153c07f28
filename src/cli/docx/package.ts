import * as posix from 'path/posix';
import type JSZip from 'jszip';
import type { Document, Element } from '@xmldom/xmldom';
import { invalidDocx, oleError, oneLine } from '../errors';

export { invalidDocx } from '../errors';
import { NOT_DOCX_REASON, classifyContainer } from '../sniff';
import { NS, XmlError, childElements, parseXml, serializeXml } from './xml';

/**
 * The OPC package around a .docx: the one validation of a .docx (readers.ts and annotate use it),
 * parts as DOMs, relationships and content types.
 */

export const REL_TYPE = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  commentsExtended: 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended',
  commentsIds: 'http://schemas.microsoft.com/office/2016/09/relationships/commentsIds',
  commentsExtensible: 'http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible',
} as const;

export const CONTENT_TYPE_COMMENTS = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export class DocxPackage {
  private readonly xmlCache = new Map<string, Document>();

  private constructor(
    readonly zip: JSZip,
    /** Display name for errors. */
    readonly name: string,
    /** Zip path of the main document part, e.g. "word/document.xml". */
    readonly mainPath: string,
  ) {}

  /** Validate and open; every failure is an InputError with a one-line reason. */
  static async open(buf: Buffer, name: string): Promise<DocxPackage> {
    const container = classifyContainer(buf);
    if (container === 'ole') throw oleError(buf, name);
    if (container !== 'zip') throw invalidDocx(name, NOT_DOCX_REASON[container]);
    const { default: JSZipImpl } = await import('jszip');
    let zip: JSZip;
    try {
      zip = await JSZipImpl.loadAsync(buf);
    } catch {
      throw invalidDocx(name, 'corrupt zip');
    }
    let mainPath = 'word/document.xml';
    const rootRels = zip.file('_rels/.rels');
    if (rootRels) {
      try {
        const doc = parseXml(await rootRels.async('string'), '_rels/.rels');
        const rel = readRels(doc).find((r) => r.type === REL_TYPE.officeDocument && !r.external);
        if (rel) mainPath = resolveTarget('', rel.target);
      } catch (e) {
        if (e instanceof XmlError) throw invalidDocx(name, oneLine(e.message, 120));
        throw invalidDocx(name, 'corrupt zip');
      }
    }
    if (!zip.file(mainPath)) {
      if (zip.file('xl/workbook.xml')) throw invalidDocx(name, 'it is an Excel workbook');
      if (zip.file('ppt/presentation.xml')) throw invalidDocx(name, 'it is a PowerPoint presentation');
      if (zip.file('content.xml') && zip.file('mimetype')) throw invalidDocx(name, 'it is an OpenDocument file; save it as .docx');
      throw invalidDocx(name, `no ${mainPath} in the zip`);
    }
    if (!zip.file('[Content_Types].xml')) throw invalidDocx(name, 'no [Content_Types].xml in the zip');
    return new DocxPackage(zip, name, mainPath);
  }

  has(path: string): boolean {
    return !!this.zip.file(path);
  }

  /** A part as a DOM (cached: edits are kept until `save`). */
  async xml(path: string): Promise<Document> {
    const cached = this.xmlCache.get(path);
    if (cached) return cached;
    const f = this.zip.file(path);
    if (!f) throw invalidDocx(this.name, `no ${path} in the zip`);
    let text: string;
    try {
      text = await f.async('string');
    } catch {
      throw invalidDocx(this.name, `corrupt zip (cannot unpack ${path})`);
    }
    let doc: Document;
    try {
      doc = parseXml(text, path);
    } catch (e) {
      throw invalidDocx(this.name, oneLine(e instanceof Error ? e.message : String(e), 160));
    }
    this.xmlCache.set(path, doc);
    return doc;
  }

  /** Register a new part (as a DOM) that `save` writes. */
  setXml(path: string, doc: Document): void {
    this.xmlCache.set(path, doc);
  }

  /** Mark a part as changed (it is written back on save). */
  private readonly dirty = new Set<string>();
  touch(path: string): void {
    this.dirty.add(path);
  }

  /** Relationships of a part ("word/document.xml" → "word/_rels/document.xml.rels"). */
  relsPath(partPath: string): string {
    return posix.join(posix.dirname(partPath), '_rels', `${posix.basename(partPath)}.rels`);
  }

  async relsOf(partPath: string): Promise<{ doc: Document; rels: Relationship[]; path: string }> {
    const path = this.relsPath(partPath);
    let doc: Document;
    if (this.has(path) || this.xmlCache.has(path)) doc = await this.xml(path);
    else {
      doc = parseXml(`<Relationships xmlns="${NS.pkgRels}"/>`, path);
      this.setXml(path, doc);
    }
    return { doc, rels: readRels(doc), path };
  }

  /** Zip path of the part a relationship points to. */
  targetPath(partPath: string, rel: Relationship): string {
    return resolveTarget(posix.dirname(partPath), rel.target);
  }

  /** Add a relationship from `partPath`; returns its id. */
  async addRel(partPath: string, type: string, target: string): Promise<string> {
    const { doc, rels, path } = await this.relsOf(partPath);
    const ids = new Set(rels.map((r) => r.id));
    let n = rels.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const root = doc.documentElement as Element;
    const rel = doc.createElementNS(NS.pkgRels, root.prefix ? `${root.prefix}:Relationship` : 'Relationship');
    rel.setAttribute('Id', id);
    rel.setAttribute('Type', type);
    rel.setAttribute('Target', target);
    root.appendChild(rel);
    this.touch(path);
    return id;
  }

  /** Ensure an Override for `partPath` in [Content_Types].xml. */
  async ensureOverride(partPath: string, contentType: string): Promise<void> {
    const ctPath = '[Content_Types].xml';
    const doc = await this.xml(ctPath);
    const root = doc.documentElement as Element;
    const partName = `/${partPath}`;
    for (const o of childElements(root)) {
      if (o.localName === 'Override' && (o.getAttribute('PartName') ?? '').toLowerCase() === partName.toLowerCase()) {
        if (o.getAttribute('ContentType') !== contentType) {
          o.setAttribute('ContentType', contentType);
          this.touch(ctPath);
        }
        return;
      }
    }
    const o = doc.createElementNS(NS.contentTypes, root.prefix ? `${root.prefix}:Override` : 'Override');
    o.setAttribute('PartName', partName);
    o.setAttribute('ContentType', contentType);
    root.appendChild(o);
    this.touch(ctPath);
  }

  /** The package with every touched part re-serialised. Unchanged parts keep their bytes. */
  async save(): Promise<Buffer> {
    for (const path of this.dirty) {
      const doc = this.xmlCache.get(path);
      if (doc) this.zip.file(path, serializeXml(doc));
    }
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

export function readRels(doc: Document): Relationship[] {
  const root = doc.documentElement;
  if (!root) return [];
  return childElements(root)
    .filter((e) => e.localName === 'Relationship')
    .map((e) => ({
      id: e.getAttribute('Id') ?? '',
      type: e.getAttribute('Type') ?? '',
      target: e.getAttribute('Target') ?? '',
      external: (e.getAttribute('TargetMode') ?? '').toLowerCase() === 'external',
    }));
}

/** "comments.xml" relative to "word" → "word/comments.xml"; "/word/x.xml" is absolute. */
export function resolveTarget(baseDir: string, target: string): string {
  let t = target;
  try {
    t = decodeURI(target);
  } catch {
    /* keep it as written */
  }
  const joined = t.startsWith('/') ? t.slice(1) : posix.join(baseDir, t);
  return posix.normalize(joined).replace(/^\.\//, '');
}
