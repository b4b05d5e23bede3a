import { describe, expect, it } from 'vitest';
import { getLevel } from '../core/levels.js';
import { correlateGrades, type GradeReading, gradeFinder } from './gradeCorrelation.js';

let nextLine = 2;
/** A job at a grade whose title reads `level` (stated unless said). */
function job(grade: string, title: string, level: string, stated = true): GradeReading {
  const l = getLevel(level);
  return { grade, title, line: nextLine++, level: { code: l.code, track: l.track, rank: l.rank }, stated };
}

const summary = (readings: GradeReading[], options = {}) =>
  correlateGrades(readings, options).grades.map((g) => [g.grade, g.levels.join('/'), g.basis]);

describe('correlateGrades', () => {
  it("takes each grade to its titles' median level, ladder by ladder", () => {
    expect(
      summary([
        job('G3', 'Accountant I', 'P1'),
        job('G4', 'Staff Accountant', 'P2', false),
        job('G4', 'Accountant II', 'P2'),
        job('G5', 'Senior Accountant', 'P3'),
        job('G5', 'Accounting Supervisor', 'M1'),
        job('L4', 'Software Engineer II', 'P2'),
        job('L5', 'Senior Software Engineer', 'P3'),
      ]),
    ).toEqual([
      ['G3', 'P1', 'titles'],
      ['G4', 'P2', 'titles'],
      ['G5', 'P3/M1', 'titles'],
      ['L4', 'P2', 'titles'],
      ['L5', 'P3', 'titles'],
    ]);
  });

  it('pools neighbours that read out of order, so a higher grade never corresponds to a lower level, and says so', () => {
    const table = correlateGrades([
      job('G3', 'Analyst', 'P1'),
      job('G4', 'Senior Analyst', 'P3'),
      job('G4', 'Senior Buyer', 'P3'),
      job('G5', 'Analyst II', 'P2'),
      job('G6', 'Manager', 'M2'),
    ]);
    expect(table.grades.map((g) => [g.grade, g.low, g.basis])).toEqual([
      ['G3', 1, 'titles'],
      ['G4', 3, 'pooled'],
      ['G5', 3, 'pooled'],
      ['G6', 4, 'titles'],
    ]);
    expect(table.grades[2]?.reason).toBe(
      "Its titles' median is rank 2, out of order with G4; pooled, they take their joint median, rank 3 (1 job; 1 state seniority: 1 P2)",
    );
    expect(table.inconsistencies).toContainEqual({
      kind: 'shared level',
      grades: ['G4', 'G5'],
      lines: [],
      message: 'G4 and G5 both correspond to P3: the titles do not tell these grades apart',
    });
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'keeps every ladder monotonic, whatever the titles say (seeded set %i)',
    (seed) => {
      let state = seed;
      const random = () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
      };
      const levels = ['S1', 'S2', 'P1', 'P2', 'P3', 'P4', 'M1', 'M2', 'M3', 'M4', 'E1'];
      const readings = Array.from({ length: 60 }, (_, i) =>
        job(
          `G${1 + Math.floor(random() * 9)}`,
          `Title ${i}`,
          levels[Math.floor(random() * levels.length)] ?? 'P2',
          random() > 0.3,
        ),
      );
      const table = correlateGrades(readings);
      const [ladder] = table.ladders;
      const grades = (ladder?.grades ?? []).map((key) => table.grades.find((g) => g.grade === key));
      for (let i = 1; i < grades.length; i++) {
        expect(grades[i]?.low).toBeGreaterThanOrEqual(grades[i - 1]?.low ?? 0);
        expect(grades[i]?.high).toBeGreaterThanOrEqual(grades[i - 1]?.high ?? 0);
      }
    },
  );

  it('lets a title that states its level outvote titles read at the default', () => {
    const [g] = correlateGrades([
      job('G7', 'Analyst', 'P2', false),
      job('G7', 'Accountant', 'P2', false),
      job('G7', 'Buyer', 'P2', false),
      job('G7', 'Lead Analyst', 'P4'),
    ]).grades;
    expect(g).toMatchObject({
      low: 4,
      levels: ['P4'],
      jobs: 4,
      stated: 1,
      readings: [{ level: 'P4', jobs: 1 }],
    });
  });

  it('counts a job once however many rows repeat its title at a grade', () => {
    const [g] = correlateGrades([
      job('G4', 'Recruiter', 'P2'),
      job('G4', 'recruiter ', 'P2'),
      job('G4', 'Senior Recruiter', 'P3'),
    ]).grades;
    expect(g).toMatchObject({ jobs: 2, stated: 2 });
  });

  it('reads a ladder that counts down from its titles, and says so', () => {
    const table = correlateGrades([
      job('Grade 1', 'Director', 'M4'),
      job('Grade 2', 'Senior Manager', 'M3'),
      job('Grade 3', 'Senior Analyst', 'P3'),
      job('Grade 4', 'Analyst', 'P2'),
      job('Grade 5', 'Junior Analyst', 'P1'),
    ]);
    expect(table.ladders).toEqual([
      {
        name: 'G',
        grades: ['G5', 'G4', 'G3', 'G2', 'G1'],
        direction: 'descending',
        reason:
          'counts down: over pairs of its grades, the higher one reads as the more junior title 10 times and as the more senior 0 times, so G5 is the lowest and G1 the highest',
      },
    ]);
    expect(table.grades.map((g) => g.levels.join('/'))).toEqual(['P1', 'P2', 'P3', 'M3', 'M4']);
  });

  it('orders text grades by a given order; without one, each stands alone and says how to order it', () => {
    const readings = [
      job('Associate', 'Associate Consultant', 'P1'),
      job('Senior', 'Senior Consultant', 'P3'),
      job('Lead', 'Lead Consultant', 'P4'),
    ];
    expect(correlateGrades(readings).grades.map((g) => [g.grade, g.ladder, g.basis])).toEqual([
      ['Associate', 'text', 'unordered'],
      ['Senior', 'text', 'unordered'],
      ['Lead', 'text', 'unordered'],
    ]);
    const ordered = correlateGrades(readings, { order: ['Associate', 'Consultant', 'Senior', 'Lead'] });
    expect(ordered.ladders[0]).toMatchObject({
      name: 'given order',
      grades: ['Associate', 'Consultant', 'Senior', 'Lead'],
    });
    expect(ordered.grades.find((g) => g.grade === 'Consultant')).toMatchObject({
      low: 1,
      basis: 'between',
      reason: 'No job at this grade tells its level; placed with Associate, the nearest grade below',
    });
    const find = gradeFinder(ordered, ['Associate', 'Consultant', 'Senior', 'Lead']);
    expect(find(' Senior')?.levels).toEqual(['P3']);
    expect(find('Principal')).toBeUndefined();
  });

  it('keeps grades set by hand and fits the others around them', () => {
    const readings = [
      job('G5', 'Senior Analyst', 'P3'),
      job('G6', 'Lead Analyst', 'P4'),
      job('G7', 'Senior Counsel', 'P3'),
      job('G8', 'Director', 'M4'),
    ];
    const table = correlateGrades(readings, {
      overrides: new Map([
        ['G6', 'P5'],
        ['G8', 'P5..M4'],
      ]),
    });
    expect(table.grades.map((g) => [g.grade, g.low, g.high, g.basis])).toEqual([
      ['G5', 3, 3, 'titles'],
      ['G6', 5, 5, 'set'],
      ['G7', 5, 5, 'titles'],
      ['G8', 5, 6, 'set'],
    ]);
    expect(table.grades[2]?.reason).toBe(
      "Its titles' median, rank 3; moved to rank 5 to keep the order with the grades set by hand (1 job; 1 state seniority: 1 P3)",
    );
    expect(table.grades[3]?.levels).toEqual(['M3', 'M4']);
  });

  it('refuses grades set by hand that break the order, and levels it does not know', () => {
    const readings = [job('G5', 'Senior Analyst', 'P3'), job('G6', 'Lead Analyst', 'P4')];
    expect(() =>
      correlateGrades(readings, {
        overrides: new Map([
          ['G5', 'P4'],
          ['G6', 'P3'],
        ]),
      }),
    ).toThrow(
      '"G6" is set to P3 but "G5", a lower grade, to P4: a higher grade never corresponds to a lower level.',
    );
    expect(() => correlateGrades(readings, { overrides: new Map([['G5', 'Senior']]) })).toThrow(
      /The level set for "G5" is "Senior"; give a Canon level/,
    );
    expect(() => correlateGrades(readings, { overrides: new Map([['G5', 'P4..P3']]) })).toThrow(
      /runs downwards/,
    );
  });

  it('lists titles that contradict their grade and grades whose titles spread, with their lines', () => {
    nextLine = 100;
    const table = correlateGrades([
      job('G5', 'Senior Accountant', 'P3'),
      job('G5', 'Senior Buyer', 'P3'),
      job('G5', 'Senior Recruiter', 'P3'),
      job('G5', 'Lead Analyst', 'P4'),
      job('G5', 'Lead Planner', 'P4'),
      job('G5', 'Junior Accountant', 'P1'),
    ]);
    expect(table.inconsistencies).toEqual([
      {
        kind: 'spread',
        grades: ['G5'],
        lines: [103, 104, 105],
        message: "G5's titles spread over several levels (3 P3, 2 P4, 1 P1); 3 of 6 read off P3",
      },
      {
        kind: 'title contradicts grade',
        grades: ['G5'],
        lines: [105],
        message: '"Junior Accountant" reads P1, 2 ranks below G5\'s P3',
      },
    ]);
  });
});
