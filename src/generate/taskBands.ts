import type { ReferenceData, Task, WorkActivity } from './referenceData.js';

/**
 * How senior the work in a task is, read from the O*NET work activities it is
 * linked to in Tasks to DWAs.txt — never from its wording. The level framework
 * rises from doing the work (band 0), to analysing, deciding, planning, advising
 * and teaching (band 1), to coordinating and directing others and setting
 * objectives (band 2). A task takes the highest band of its activities; one with
 * no link stays in band 0.
 */
export const BAND_ELEMENTS: readonly (readonly string[])[] = [
  [],
  [
    '4.A.2.a.3', // Evaluating Information to Determine Compliance with Standards
    '4.A.2.a.4', // Analyzing Data or Information
    '4.A.2.b.1', // Making Decisions and Solving Problems
    '4.A.2.b.2', // Thinking Creatively
    '4.A.2.b.5', // Scheduling Work and Activities
    '4.A.2.b.6', // Organizing, Planning, and Prioritizing Work
    '4.A.4.a.7', // Resolving Conflicts and Negotiating with Others
    '4.A.4.b.3', // Training and Teaching Others
    '4.A.4.b.5', // Coaching and Developing Others
    '4.A.4.b.6', // Providing Consultation and Advice to Others
  ],
  [
    '4.A.2.b.4', // Developing Objectives and Strategies
    '4.A.4.b.1', // Coordinating the Work and Activities of Others
    '4.A.4.b.2', // Developing and Building Teams
    '4.A.4.b.4', // Guiding, Directing, and Motivating Subordinates
    '4.A.4.c.2', // Staffing Organizational Units
    '4.A.4.c.3', // Monitoring and Controlling Resources
  ],
];

export interface BandedTask {
  task: Task;
  band: number;
  /** The activity that set the band; null for band 0. */
  because: WorkActivity | null;
}

export function bandOf(task: Task, ref: ReferenceData): BandedTask {
  let best: BandedTask = { task, band: 0, because: null };
  for (const id of [...task.dwas].sort()) {
    const activity = ref.activities.get(id);
    if (!activity) continue;
    const band = BAND_ELEMENTS.findIndex((elements) => elements.includes(activity.element));
    if (band > best.band) best = { task, band, because: activity };
  }
  return best;
}
