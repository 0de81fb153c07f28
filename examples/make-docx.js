#!/usr/bin/env node
/**
 * Builds examples/minplan-aktivitetsparat.docx from examples/aktivitetsparat-god.txt:
 * a minimal, valid WordprocessingML package made with jszip.
 *
 * The first line becomes a Heading 1, short lines that introduce a section become Heading 2,
 * consecutive lines containing " | " become one table (first row = header), lines starting
 * with "- " become list paragraphs, everything else a normal paragraph.
 *
 * Usage: node examples/make-docx.js [input.txt] [output.docx]
 */
'use strict';
const fs = require('fs');
const path = require('path');
const JSZip = require('jszip');

const input = process.argv[2] || path.join(__dirname, 'aktivitetsparat-god.txt');
const output = process.argv[3] || path.join(__dirname, 'minplan-aktivitetsparat.docx');

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function esc(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function run(text, bold) {
  const rPr = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return `<w:r>${rPr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

function paragraph(text, style, bold) {
  const pPr = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${pPr}${text ? run(text, bold) : ''}</w:p>`;
}

function table(rows) {
  const cols = Math.max(...rows.map((r) => r.length));
  const width = Math.floor(9000 / cols);
  const grid = `<w:tblGrid>${'<w:gridCol w:w="' + width + '"/>'.repeat(cols)}</w:tblGrid>`;
  const border = (side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`;
  const tblPr =
    '<w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>' +
    ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('') +
    '</w:tblBorders></w:tblPr>';
  const trs = rows
    .map((cells, i) => {
      const tcs = [];
      for (let c = 0; c < cols; c++) {
        tcs.push(
          `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraph(cells[c] || '', null, i === 0)}</w:tc>`,
        );
      }
      return `<w:tr>${tcs.join('')}</w:tr>`;
    })
    .join('');
  return `<w:tbl>${tblPr}${grid}${trs}</w:tbl>`;
}

function bodyFromText(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out = [];
  let tableRows = [];
  const flushTable = () => {
    if (tableRows.length) {
      out.push(table(tableRows));
      out.push(paragraph('')); // Word wants a paragraph between a table and what follows
      tableRows = [];
    }
  };
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line.includes(' | ')) {
      tableRows.push(line.split(' | ').map((c) => c.trim()));
      return;
    }
    flushTable();
    if (line === '') return;
    const prevBlank = i === 0 || lines[i - 1].trim() === '';
    const next = lines[i + 1] === undefined ? '' : lines[i + 1].trim();
    if (i === 0) out.push(paragraph(line, 'Heading1'));
    else if (prevBlank && next !== '' && line.length <= 40 && !/[.:,]/.test(line) && !line.startsWith('- ')) {
      out.push(paragraph(line, 'Heading2'));
    } else if (line.startsWith('- ')) out.push(paragraph(line.slice(2), 'ListParagraph'));
    else out.push(paragraph(line));
  });
  flushTable();
  return out.join('\n');
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
  <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
  <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`;

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`;

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`;

const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <dc:title>Min plan – aktivitetsparat (eksempel)</dc:title>
  <dc:creator>Jobplan Evidens (fiktivt eksempel)</dc:creator>
  <dc:language>da-DK</dc:language>
  <dcterms:created xsi:type="dcterms:W3CDTF">2024-05-02T00:00:00Z</dcterms:created>
</cp:coreProperties>`;

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W_NS}">
  <w:docDefaults>
    <w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="da-DK"/></w:rPr></w:rPrDefault>
    <w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault>
  </w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
    <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
    <w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/>
    <w:pPr><w:ind w:left="720"/></w:pPr></w:style>
  <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>
    <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>`;

function documentXml(body) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}">
<w:body>
${body}
<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>
</w:body>
</w:document>`;
}

async function main() {
  const text = fs.readFileSync(input, 'utf8');
  const zip = new JSZip();
  // A fixed date keeps the output byte-identical between runs.
  const opts = { date: new Date('2024-05-02T00:00:00Z'), createFolders: false };
  zip.file('[Content_Types].xml', contentTypes, opts);
  zip.file('_rels/.rels', rootRels, opts);
  zip.file('docProps/core.xml', core, opts);
  zip.file('word/document.xml', documentXml(bodyFromText(text)), opts);
  zip.file('word/_rels/document.xml.rels', documentRels, opts);
  zip.file('word/styles.xml', styles, opts);
  const buf = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
  fs.writeFileSync(output, buf);
  console.log(`wrote ${path.relative(process.cwd(), output)} (${buf.length} bytes)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
