import { SubNav } from '../../components/SubNav';

export function ResourcesNav() {
  return (
    <SubNav
      label="Resources"
      links={[
        { to: '/resources', label: 'Fundraising', end: true },
        { to: '/resources/grants', label: 'Grants', end: true },
        { to: '/resources/in-kind', label: 'In-kind support', end: true },
        { to: '/resources/funders', label: 'Funders', end: true },
      ]}
    />
  );
}
