import { SubNav } from '../../components/SubNav';

const SECTIONS = [
  { to: '/directory', label: 'Organizations', end: true },
  { to: '/directory/people', label: 'People', end: true },
  { to: '/directory/duplicates', label: 'Duplicates', end: true },
  { to: '/directory/representation', label: 'Representation', end: true },
  { to: '/directory/lists', label: 'Lists', end: true },
  { to: '/directory/fields', label: 'Fields', end: true },
] as const;

/** The Directory's section links, shared by every Directory screen. */
export function DirectoryNav() {
  return <SubNav label="Directory sections" links={SECTIONS} />;
}
