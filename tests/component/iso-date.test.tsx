import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { IsoDateInput, parseIsoDate } from '../../renderer/components/IsoDateInput';

describe('typed dates', () => {
  it('reads YYYY-MM-DD, trimmed', () => {
    expect(parseIsoDate('2025-03-12')).toBe('2025-03-12');
    expect(parseIsoDate(' 2024-02-29 ')).toBe('2024-02-29');
  });

  it('refuses ambiguous or impossible dates instead of guessing', () => {
    for (const typed of ['12/03/2025', '03.12.2025', '2025-3-12', '2025-13-01', '2025-02-29', '2025-04-31', 'March 12, 2025', '']) {
      expect(parseIsoDate(typed), typed).toBeNull();
    }
  });
});

describe('the date field', () => {
  it('says so when typed text is not a date, instead of dropping it silently', async () => {
    const user = userEvent.setup();
    render(
      <MantineProvider env="test">
        <IsoDateInput label="Founding date" />
      </MantineProvider>,
    );
    await user.type(screen.getByLabelText('Founding date'), '12/03/2025');
    await user.tab();
    expect(screen.getByText(/“12\/03\/2025” is not a date in the form YYYY-MM-DD/)).toBeInTheDocument();
    expect(screen.getByLabelText('Founding date')).toHaveValue('');
  });

  it('keeps a real date', async () => {
    const user = userEvent.setup();
    render(
      <MantineProvider env="test">
        <IsoDateInput label="Due date" />
      </MantineProvider>,
    );
    await user.type(screen.getByLabelText('Due date'), '2026-12-31');
    await user.tab();
    expect(screen.getByLabelText('Due date')).toHaveValue('2026-12-31');
    expect(screen.queryByText(/is not a date/)).not.toBeInTheDocument();
  });
});
