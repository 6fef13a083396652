import { screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { addOrg, addPerson } from './directory-support';
import { renderApp, startWithCoalition } from './renderApp';

// Export from the directory table: the backend builds the file, the Save dialog (the test
// bridge's file.saveAs) receives it.

function rowNames(name = 'Organizations'): string[] {
  return within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('link')[0]?.textContent ?? '');
}

function parseCsv(content: string): string[][] {
  expect(content.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(content.slice(1), { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data;
}

test('Export → CSV saves the filtered, sorted rows with the visible columns, and says how many', async () => {
  const { bridge, saved } = await startWithCoalition();
  await addOrg(bridge, 'São Miguel Health Center', { stage: 'engaged', type: 'public_health', city: 'Avon' });
  await addOrg(bridge, 'Harbor Youth Alliance', { stage: 'contacted', sector: 'community', type: 'youth_student', city: 'Harbor' });
  await addOrg(bridge, '=Eastside Legal Aid', { stage: 'engaged', type: 'legal_aid', city: 'Zeta' });
  const { user } = renderApp('/directory');
  await waitFor(() => expect(rowNames()).toHaveLength(3));

  // Narrow to engaged, sort by city descending.
  await user.type(screen.getByRole('textbox', { name: 'Search directory' }), 'a');
  await user.click(screen.getByRole('button', { name: 'Filters' }));
  const filters = screen.getByRole('region', { name: 'Organizations filters' });
  await user.click(within(filters).getByRole('combobox', { name: 'Stage' }));
  await user.click(await screen.findByRole('option', { name: 'Engaged' }));
  await user.click(screen.getByRole('button', { name: 'Sort by City' }));
  await user.click(screen.getByRole('button', { name: 'Sort by City' }));
  await waitFor(() => expect(rowNames()).toEqual(['=Eastside Legal Aid', 'São Miguel Health Center']));

  await user.click(screen.getByRole('button', { name: 'Export' }));
  await user.click(await screen.findByRole('menuitem', { name: /CSV/ }));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0]?.suggestedName).toMatch(/^organizations-\d{4}-\d{2}-\d{2}\.csv$/);
  // The default visible columns, in the table's order, with the export's headers.
  expect(parseCsv(saved[0]?.content ?? '')).toEqual([
    ['Organization name', 'Stage', 'Sector', 'Type', 'City', 'Last contacted', 'Issue areas'],
    ["'=Eastside Legal Aid", 'Engaged', 'Nonprofit', 'Legal aid organization', 'Zeta', '', ''],
    ['São Miguel Health Center', 'Engaged', 'Nonprofit', 'Public health organization', 'Avon', '', ''],
  ]);
  expect(await screen.findByText(`Exported 2 organizations to ${saved[0]?.suggestedName ?? ''}.`)).toBeInTheDocument();
});

test('Export selection → Excel saves only the selected organizations', async () => {
  const { bridge, saved } = await startWithCoalition();
  await addOrg(bridge, 'Alder Food Bank');
  await addOrg(bridge, 'Bayview Tenants Union');
  await addOrg(bridge, 'Cedar Legal Aid');
  const { user } = renderApp('/directory');
  await waitFor(() => expect(rowNames()).toHaveLength(3));

  await user.click(screen.getByRole('checkbox', { name: 'Select Alder Food Bank' }));
  await user.click(screen.getByRole('checkbox', { name: 'Select Cedar Legal Aid' }));
  const bar = screen.getByRole('region', { name: 'Bulk actions' });
  await user.click(within(bar).getByRole('button', { name: 'Export selection' }));
  await user.click(await screen.findByRole('menuitem', { name: /Excel/ }));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0]?.suggestedName).toMatch(/^organizations-\d{4}-\d{2}-\d{2}\.xlsx$/);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(saved[0]?.content ?? '', 'base64') as unknown as ArrayBuffer);
  const names: unknown[] = [];
  workbook.worksheets[0]?.getColumn(1).eachCell((cell) => names.push(cell.value));
  expect(names).toEqual(['Organization name', 'Alder Food Bank', 'Cedar Legal Aid']);
  expect(await screen.findByText(`Exported 2 organizations to ${saved[0]?.suggestedName ?? ''}.`)).toBeInTheDocument();
});

test('the people table exports its view too', async () => {
  const { bridge, saved } = await startWithCoalition();
  await addPerson(bridge, 'Zoë Ramírez', { title: 'Organizer', city: 'Ñuñoa' });
  const { user } = renderApp('/directory/people');
  await waitFor(() => expect(rowNames('People')).toEqual(['Zoë Ramírez']));
  await user.click(screen.getByRole('button', { name: 'Export' }));
  await user.click(await screen.findByRole('menuitem', { name: /CSV/ }));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0]?.suggestedName).toMatch(/^people-/);
  expect(parseCsv(saved[0]?.content ?? '')).toEqual([
    ['Name', 'Title', 'Organization', 'Email', 'City', 'Last contacted'],
    ['Zoë Ramírez', 'Organizer', '', '', 'Ñuñoa', ''],
  ]);
  expect(await screen.findByText(`Exported 1 person to ${saved[0]?.suggestedName ?? ''}.`)).toBeInTheDocument();
});

test('Export selection on the people table saves only the selected people', async () => {
  const { bridge, saved } = await startWithCoalition();
  await addPerson(bridge, 'Amara Okafor');
  await addPerson(bridge, 'Luis Ortega');
  await addPerson(bridge, 'Zoë Ramírez');
  const { user } = renderApp('/directory/people');
  await waitFor(() => expect(rowNames('People')).toHaveLength(3));

  await user.click(screen.getByRole('checkbox', { name: 'Select Amara Okafor' }));
  await user.click(screen.getByRole('checkbox', { name: 'Select Zoë Ramírez' }));
  const bar = screen.getByRole('region', { name: 'Bulk actions' });
  expect(within(bar).getByText('2 people selected')).toBeInTheDocument();
  await user.click(within(bar).getByRole('button', { name: 'Export selection' }));
  await user.click(await screen.findByRole('menuitem', { name: /CSV/ }));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0]?.suggestedName).toMatch(/^people-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(parseCsv(saved[0]?.content ?? '').map((row) => row[0])).toEqual(['Name', 'Amara Okafor', 'Zoë Ramírez']);
  expect(await screen.findByText(`Exported 2 people to ${saved[0]?.suggestedName ?? ''}.`)).toBeInTheDocument();

  await user.click(within(bar).getByRole('button', { name: 'Clear selection' }));
  expect(screen.queryByRole('region', { name: 'Bulk actions' })).not.toBeInTheDocument();
});

test('a refused export shows the reason and saves nothing', async () => {
  const { bridge, saved } = await startWithCoalition();
  await addOrg(bridge, 'Alder Food Bank');
  // The size guard needs 50 MB of records; here the bridge answers directory.export with the
  // backend's refusal, to check what the coordinator sees.
  window.coalition = {
    ...bridge,
    call: (method, input) =>
      method === 'directory.export'
        ? Promise.resolve({ ok: false, error: { code: 'conflict', message: 'This export would be larger than 50 MB. Filter the organizations.' } })
        : bridge.call(method, input),
  };
  const { user } = renderApp('/directory');
  await waitFor(() => expect(rowNames()).toEqual(['Alder Food Bank']));
  await user.click(screen.getByRole('button', { name: 'Export' }));
  await user.click(await screen.findByRole('menuitem', { name: /CSV/ }));
  expect(await screen.findByText('The organizations were not exported')).toBeInTheDocument();
  expect(screen.getByText('This export would be larger than 50 MB. Filter the organizations.')).toBeInTheDocument();
  expect(saved).toHaveLength(0);
});
