import { SubNav } from '../../components/SubNav';

export function MediaNav() {
  return (
    <SubNav
      label="Media & stories"
      links={[
        { to: '/media', label: 'Outreach', end: true },
        { to: '/media/coverage', label: 'Coverage', end: true },
        { to: '/media/outlets', label: 'Outlets & journalists', end: true },
        { to: '/media/stories', label: 'Stories', end: false },
      ]}
    />
  );
}
