import { SubNav } from '../../components/SubNav';

const SECTIONS = [
  { to: '/structure', label: 'Steering committee', end: true },
  { to: '/structure/groups', label: 'Working groups', end: false },
  { to: '/structure/applications', label: 'Applications', end: true },
  { to: '/structure/endorsements', label: 'Endorsements', end: true },
  { to: '/structure/roles', label: 'Roles & rules', end: true },
] as const;

/** The Structure area's section links, shared by its screens. */
export function StructureNav() {
  return <SubNav label="Structure sections" links={SECTIONS} />;
}
