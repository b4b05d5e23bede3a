import { formatMoneyShort } from './format.js';
import {
  CLASSIFICATION_LABELS,
  RUBRIC_DIMENSIONS,
  type SourceRow,
  type Statement,
  type Taxonomy,
} from './taxonomy.js';

type CitingPart =
  | 'responsibility'
  | 'level guidelines'
  | 'entry from'
  | 'advancement to'
  | 'lateral move'
  | 'skill'
  | 'classification mapping'
  | 'title alias'
  | 'pay';

/** One statement of the catalog that cites a row, and where it stands. */
export interface RowCitation {
  part: CitingPart;
  text: string;
  functionCode: string;
  focusCode: string;
  /** The level the statement is about; null for what a focus states for all its levels. */
  levelCode: string | null;
}

/** The separator is a character no id, file name or key holds, so two rows never share a key. */
const fileKey = (source: string, file: string) => `${source}\u0000${file}`;
/** One row's key, unambiguous whatever characters its file name and key hold. */
export const rowKey = (row: SourceRow) => `${fileKey(row.source, row.file)}\u0000${row.key}`;

/**
 * Which statements cite each row of a reference file, built once per snapshot: a row's page
 * lists them all, and a profile page links each citation to that page.
 */
export class RowCitations {
  private readonly byRow = new Map<string, RowCitation[]>();
  private readonly files = new Set<string>();

  constructor(taxonomy: Taxonomy) {
    for (const focus of taxonomy.focuses) {
      const at = (levelCode: string | null) => ({
        functionCode: focus.functionCode,
        focusCode: focus.code,
        levelCode,
      });
      for (const levelCode of focus.levelCodes) {
        const content = focus.levels[levelCode];
        if (!content) continue;
        const where = at(levelCode);
        this.statements('responsibility', content.responsibilities, where);
        const { rubric } = content;
        const rubricText = RUBRIC_DIMENSIONS.map(([label, key]) => `${label}: ${rubric[key]}`).join(' · ');
        this.add(rubric.rows, { part: 'level guidelines', text: rubricText, ...where });
        this.statements('entry from', content.career.entryFrom, where);
        this.statements('advancement to', content.career.advancementTo, where);
        this.statements('lateral move', content.career.lateral, where);
        for (const s of content.skills ?? [])
          this.add(s.rows, { part: 'skill', text: `${s.name}: ${s.application}`, ...where });
      }
      for (const s of focus.skills)
        this.add(s.rows, { part: 'skill', text: `${s.name}: ${s.application}`, ...at(null) });
      for (const m of focus.mappings) {
        const text = `${CLASSIFICATION_LABELS[m.system]} ${m.code}${m.title ? ` ${m.title}` : ''}`;
        this.add(m.rows, { part: 'classification mapping', text, ...at(null) });
      }
    }
    for (const record of taxonomy.profiles) {
      const where = {
        functionCode: record.functionCode,
        focusCode: record.focusCode,
        levelCode: record.levelCode,
      };
      this.statements('title alias', record.aliases, where);
      for (const p of record.pay) {
        const text = `${formatMoneyShort(p.median, p.currency)} median (${p.period}, ${p.region}): ${p.basis}`;
        this.add(p.rows, { part: 'pay', text, ...where });
      }
    }
  }

  /** The statements citing a row, in catalog order; empty when none does. */
  citing(row: SourceRow): readonly RowCitation[] {
    return this.byRow.get(rowKey(row)) ?? [];
  }

  /** Whether any statement cites a row of this file of this source. */
  citesFile(source: string, file: string): boolean {
    return this.files.has(fileKey(source, file));
  }

  private statements(
    part: CitingPart,
    statements: readonly Statement[],
    where: Omit<RowCitation, 'part' | 'text'>,
  ): void {
    for (const s of statements) this.add(s.rows, { part, text: s.text, ...where });
  }

  private add(rows: readonly SourceRow[] | undefined, citation: RowCitation): void {
    for (const row of rows ?? []) {
      const key = rowKey(row);
      const list = this.byRow.get(key);
      // A statement that names one row twice is listed once.
      if (list?.at(-1) === citation) continue;
      if (list) list.push(citation);
      else this.byRow.set(key, [citation]);
      this.files.add(fileKey(row.source, row.file));
    }
  }
}
