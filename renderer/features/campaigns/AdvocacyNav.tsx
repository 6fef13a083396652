import { SubNav } from '../../components/SubNav';

export function AdvocacyNav() {
  return (
    <SubNav
      label="Advocacy"
      links={[
        { to: '/advocacy', label: 'Campaigns', end: true },
        { to: '/advocacy/events', label: 'Public events', end: true },
        { to: '/advocacy/grassroots', label: 'Grassroots', end: true },
      ]}
    />
  );
}
