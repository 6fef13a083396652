import { SubNav } from '../../components/SubNav';

export function CapacityNav() {
  return (
    <SubNav
      label="Capacity"
      links={[
        { to: '/capacity', label: 'Trainings', end: true },
        { to: '/capacity/assistance', label: 'Technical assistance', end: true },
      ]}
    />
  );
}
