import type { ProfileView } from '../../../../core/catalog.js';
import type { Differential } from '../../../../core/differential.js';
import type { ProfilePay } from '../../../../core/payBands.js';
import type { Review } from '../../../../core/review/reviewProfile.js';
import { Layout } from '../../Layout.js';
import { type AdjacentItem, AdjacentRolesSection } from './AdjacentRolesSection.js';
import { AliasesSection } from './AliasesSection.js';
import { Breadcrumb } from './Breadcrumb.js';
import { CareerLinksSection } from './CareerLinksSection.js';
import { EarlierVersionNotice } from './EarlierVersionNotice.js';
import { FocusSection } from './FocusSection.js';
import { GuidelinesSection } from './GuidelinesSection.js';
import { LevelDefinitionSection } from './LevelDefinitionSection.js';
import { MappingsSection } from './MappingsSection.js';
import { PayChartSection } from './PayChartSection.js';
import { ProfileFacts } from './ProfileFacts.js';
import { ProfileHeader } from './ProfileHeader.js';
import { ProvenanceSection } from './ProvenanceSection.js';
import { ResponsibilitiesSection } from './ResponsibilitiesSection.js';
import { SkillsSection } from './SkillsSection.js';

/** The profile page, section for section in the order of Canon's published pages. */
export function ProfilePage({
  view,
  adjacent,
  pay,
  differential,
  review,
  latestVersion,
}: {
  view: ProfileView;
  adjacent: AdjacentItem[];
  pay: ProfilePay;
  differential: Differential;
  review: Review;
  /** Set when the page shows an older approved version than the latest. */
  latestVersion?: number | null;
}) {
  const { record, focus, fn, level, sources } = view;
  const own = view.ladder.find((s) => s.current)?.content;
  return (
    <Layout title={view.title} description={level.summary}>
      <article class="profile" data-level={level.code}>
        <Breadcrumb fn={fn} focus={focus} />
        <EarlierVersionNotice view={view} latestVersion={latestVersion} />
        <ProfileHeader view={view} review={review} />
        <ProfileFacts view={view} market={pay} />
        <PayChartSection market={pay} levelCode={level.code} />
        <FocusSection view={view} differential={differential} />
        <ResponsibilitiesSection ladder={view.ladder} sources={sources} />
        <GuidelinesSection ladder={view.ladder} sources={sources} />
        <SkillsSection view={view} own={own} />
        {own ? <CareerLinksSection code={view.code} career={own.career} sources={sources} /> : null}
        <ProvenanceSection code={view.code} review={review} sources={sources} />
        <LevelDefinitionSection level={level} own={own} sources={sources} />
        <AdjacentRolesSection code={view.code} adjacent={adjacent} />
        <AliasesSection aliases={record.aliases} sources={sources} />
        <MappingsSection mappings={focus.mappings} sources={sources} />
      </article>
    </Layout>
  );
}
