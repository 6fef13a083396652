import { ImportPage } from '../directory/import/ImportPage';
import { PolicyNav } from './PolicyNav';

/** Policy ▸ Import officials: the directory's import steps for officials (duplicates by name and district). */
export function OfficialsImportPage() {
  return (
    <ImportPage
      screen={{
        entity: 'official',
        description:
          'Bring a spreadsheet of officials in: match its columns to fields (body and committees by name), see every problem row before anything is written, then import in one step.',
        listPath: '/policy',
        backLabel: 'Back to officials',
        nav: <PolicyNav />,
        matchedBy: 'same name in the same district',
      }}
    />
  );
}
