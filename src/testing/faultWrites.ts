/** What the SIGKILL fault tests write in the child (writeThenDie.ts) and check for after the restart. */
export const FAULT_PROFILE = 'TECHNO.TECHNOLO6B55.M3';
export const FAULT_DOCUMENT = {
  name: 'fault.md',
  title: 'Fault ladder',
  text: '# Fault ladder\n\n## E1: Director of Faults\n\n- Owns the fault budget for 3 teams\n',
};
export type FaultWrite = 'approve' | 'ingest' | 'import';
