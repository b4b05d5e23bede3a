import { strToU8, zipSync } from 'fflate';
import { zipBomb } from './zipBomb.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006';

/**
 * The smallest Word document mammoth reads: paragraphs with an optional style
 * ("Heading1", "Heading2", "ListParagraph" for bullets), built in the test so no
 * binary fixture is committed.
 */
export function docxFixture(paragraphs: Paragraph[]): Uint8Array {
  return zipSync(docxParts(paragraphs));
}

/** A paragraph of text, or with `picture` a PNG picture whose description is `text`. */
type Paragraph = { text: string; style?: 'Heading1' | 'Heading2'; picture?: Uint8Array };

/** A DOCX whose word/document.xml inflates to `mb` MiB of zeros, its directory saying 1 KB. */
export function docxBomb(mb: number): Uint8Array<ArrayBuffer> {
  const { 'word/document.xml': _, ...rest } = docxParts([]);
  return zipBomb(rest, { 'word/document.xml': mb });
}

/** A readable DOCX that also carries `count` empty parts. */
export function docxWithParts(count: number): Uint8Array<ArrayBuffer> {
  const extra = Array.from({ length: count }, (_, i) => [`customXml/item${i}.xml`, new Uint8Array()]);
  return zipSync({
    ...docxParts([{ text: 'E1: Director', style: 'Heading1' }]),
    ...Object.fromEntries(extra),
  });
}

/** A readable DOCX that also carries a part named `name`, written as it is (no object key is involved). */
export function docxWithPartNamed(name: string): Uint8Array<ArrayBuffer> {
  const parts = docxParts([{ text: 'E1: Director', style: 'Heading1' }]);
  Object.defineProperty(parts, name, { value: new Uint8Array([1]), enumerable: true });
  return zipBomb(parts, {});
}

function docxParts(paragraphs: Paragraph[]): Record<string, Uint8Array> {
  const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const pictures = paragraphs.flatMap((p) => (p.picture ? [p.picture] : []));
  let picture = 0;
  const run = (p: Paragraph) =>
    p.picture
      ? `<w:drawing><wp:inline><wp:docPr id="${++picture}" name="Picture" descr="${xmlText(p.text)}"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rIdPicture${picture}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>`
      : `<w:t xml:space="preserve">${xmlText(p.text)}</w:t>`;
  const body = paragraphs
    .map(
      (p) =>
        `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''}<w:r>${run(p)}</w:r></w:p>`,
    )
    .join('');
  const style = (id: string, name: string) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  return {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>${pictures.map((_, i) => `<Relationship Id="rIdPicture${i + 1}" Type="${REL}/image" Target="media/picture${i + 1}.png"/>`).join('')}</Relationships>`,
    ),
    'word/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${style('Heading1', 'heading 1')}${style('Heading2', 'heading 2')}</w:styles>`,
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${REL}" xmlns:wp="${DRAWING}/wordprocessingDrawing" xmlns:a="${DRAWING}/main" xmlns:pic="${DRAWING}/picture"><w:body>${body}</w:body></w:document>`,
    ),
    ...Object.fromEntries(pictures.map((bytes, i) => [`word/media/picture${i + 1}.png`, bytes])),
  };
}
