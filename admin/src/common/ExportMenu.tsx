// One export button for every table: a menu with CSV and Excel (XLSX). In a list it exports every row
// the list's filter selects, in the list's order (not only the page shown); elsewhere (the dashboard)
// it exports the table it is given.
import DownloadIcon from '@mui/icons-material/GetApp';
import { ListItemText, Menu, MenuItem } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import {
  Button,
  useDataProvider,
  useListContext,
  useLocaleState,
  useNotify,
  useTranslate,
  type TranslateFunction,
} from 'react-admin';
import { downloadTable } from './download';
import type { ExportFormat, ExportTable } from './export';
import { exportColumns, exportTable } from './exportColumns';

/** The most rows a list export reads (in pages of 100, as the API serves them). */
const maxExportRows = 5000;

interface ExportMenuButtonProps {
  /** Builds the table when a format is chosen. */
  table: (translate: TranslateFunction) => Promise<ExportTable> | ExportTable;
  disabled?: boolean;
  label?: string;
}

/** The button and its menu; `table` is called only when the user picks a format. */
export const ExportMenuButton = ({ table, disabled, label = 'ra.action.export' }: ExportMenuButtonProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (format: ExportFormat) => {
    setAnchor(null);
    setBusy(true);
    try {
      await downloadTable(await table(translate), format, locale);
    } catch (error) {
      console.error(error);
      notify('par.export.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label={label}
        disabled={disabled || busy}
        aria-haspopup="menu"
        sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
        onClick={(event: MouseEvent<HTMLButtonElement>) => setAnchor(event.currentTarget)}
      >
        <DownloadIcon />
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void run('csv')}>
          <ListItemText primary={translate('par.export.csv')} />
        </MenuItem>
        <MenuItem onClick={() => void run('xlsx')}>
          <ListItemText primary={translate('par.export.xlsx')} />
        </MenuItem>
      </Menu>
    </>
  );
};

/** In a list's actions: exports what the list's filter selects, with the columns of exportColumns.ts. */
export const ListExportMenu = () => {
  const { resource, filter, filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider();
  const columns = exportColumns[resource];
  if (!columns) return null;
  const table = async (translate: TranslateFunction) => {
    const { data } = await dataProvider.getList(resource, {
      sort,
      filter: filter ? { ...filterValues, ...filter } : filterValues,
      pagination: { page: 1, perPage: maxExportRows },
    });
    return exportTable(resource, columns, data, translate);
  };
  return <ExportMenuButton table={table} disabled={total === 0} />;
};
