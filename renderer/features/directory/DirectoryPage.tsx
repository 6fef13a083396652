import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { notifySuccess } from '../../api/errors';
import { Page } from '../../components/Page';
import { OrganizationFormModal } from './organizations/OrganizationForm';
import { OrganizationsTable } from './organizations/OrganizationsTable';
import { PersonFormModal } from './people/PersonForm';
import { PeopleTable } from './people/PeopleTable';
import { organizationHref, personHref } from './reads';
import { DirectoryNav } from './DirectoryNav';

/** Directory → Organizations or People: the table, and buttons to add either. */
export function DirectoryPage({ tab }: { tab: 'organizations' | 'people' }) {
  const navigate = useNavigate();
  const [orgOpen, orgModal] = useDisclosure(false);
  const [personOpen, personModal] = useDisclosure(false);

  return (
    <Page
      fluid
      title="Directory"
      description="Every partner organization and person the coalition works with, and where each relationship stands."
      actions={
        <>
          <Button
            component={Link}
            to={tab === 'people' ? '/directory/import?entity=person' : '/directory/import'}
            variant="default"
            leftSection={<IconFileImport size={16} />}
          >
            Import…
          </Button>
          <Button variant={tab === 'organizations' ? 'filled' : 'default'} leftSection={<IconPlus size={16} />} onClick={orgModal.open}>
            New organization
          </Button>
          <Button variant={tab === 'people' ? 'filled' : 'default'} leftSection={<IconPlus size={16} />} onClick={personModal.open}>
            New person
          </Button>
        </>
      }
      nav={
        <DirectoryNav />
      }
    >
      {/* A key per tab: each table keeps its own filters, sort and columns. */}
      {tab === 'organizations' ? <OrganizationsTable key="organizations" onCreate={orgModal.open} /> : <PeopleTable key="people" onCreate={personModal.open} />}

      <OrganizationFormModal
        opened={orgOpen}
        onClose={orgModal.close}
        onSaved={(org) => {
          orgModal.close();
          notifySuccess(`${org.name} was added to the directory.`);
          void navigate(organizationHref(org.id));
        }}
      />
      <PersonFormModal
        opened={personOpen}
        onClose={personModal.close}
        onSaved={(person) => {
          personModal.close();
          notifySuccess(`${person.name} was added to the directory.`);
          void navigate(personHref(person.id));
        }}
      />
    </Page>
  );
}
