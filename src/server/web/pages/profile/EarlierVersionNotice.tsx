import type { ProfileView } from '../../../../core/catalog.js';

/** Said only when the page shows an older approved version than the latest, with the way to it. */
export function EarlierVersionNotice({
  view,
  latestVersion,
}: {
  view: ProfileView;
  latestVersion: number | null | undefined;
}) {
  if (!latestVersion || latestVersion === view.record.version) return null;
  return (
    <p class="notice" role="note">
      You are reading v{view.record.version}, an earlier approved version.{' '}
      <a href={`/profiles/${view.code}`}>Read the latest, v{latestVersion} →</a>
    </p>
  );
}
