import type { CompanyJob } from '../../../../company/companyJob.js';

/** A job's match as a cell: the profile's focus and level linked to its page, or why there is none. */
export function JobMatchCell({ job }: { job: CompanyJob }) {
  const m = job.match;
  if (!m.profile || !m.focus) return <span class="muted">no profile found</span>;
  return (
    <>
      <a href={`/profiles/${m.profile.code}`}>
        {m.focus.name} — {m.level?.code ?? '?'}
      </a>
      <span class="small muted">
        {' '}
        {m.function?.name ?? ''} · {Math.round(m.confidence * 100)}%
        {m.profile.fit === 'nearest' ? ' · nearest level offered' : ''}
      </span>
    </>
  );
}
