// The secretariat's import of the PAR index from CSV or XLSX files: a level and year's structure
// (fields, criteria, sub-criteria with their maximum points), or that year's scores. "Check only"
// runs the import as a dry run; "Import" writes it, all or nothing. The row errors are listed with
// their row and column; CSV templates can be downloaded.
import DownloadIcon from '@mui/icons-material/DownloadOutlined';
import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { HttpError, Title, usePermissions, useTranslate } from 'react-admin';
import { enums } from '../enums';
import type { Role } from '../enums';
import { runImport, type ImportReport } from './api';
import { downloadTemplate, type ImportKind } from './templates';

const thisYear = new Date().getFullYear();

const ReportView = ({ report }: { report: ImportReport }) => {
  const translate = useTranslate();
  const summary = report.ok
    ? translate(report.dryRun ? 'par.import.checked_ok' : 'par.import.imported', {
        rows: report.rowsRead,
        nodes: report.nodesCreated,
        results: report.resultsCreated,
        scores: report.scoresCreated,
      })
    : translate('par.import.has_errors', { smart_count: report.errors.length, rows: report.rowsRead });
  return (
    <Box sx={{ mt: 2 }} role="status">
      <Alert severity={report.ok ? 'success' : 'error'}>{summary}</Alert>
      {report.framework && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('par.import.framework', {
            name: report.framework.name,
            year: report.framework.year,
            max: report.framework.maxPoints,
          })}
        </Typography>
      )}
      {report.errors.length > 0 && (
        <Table size="small" sx={{ mt: 2 }} aria-label={translate('par.import.errors')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('par.import.row')}</TableCell>
              <TableCell>{translate('par.import.column')}</TableCell>
              <TableCell>{translate('par.import.message')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.errors.map((error, index) => (
              <TableRow key={index}>
                <TableCell>{error.row ?? translate('par.import.whole_file')}</TableCell>
                <TableCell>{error.column ?? '—'}</TableCell>
                <TableCell>{error.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export const IndexImport = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const [kind, setKind] = useState<ImportKind>('structure');
  const [level, setLevel] = useState('COMMUNE');
  const [year, setYear] = useState(String(thisYear));
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const [replace, setReplace] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  if (permissions !== undefined && permissions !== 'ADMIN') {
    return <Alert severity="warning">{translate('par.errors.forbidden')}</Alert>;
  }

  const yearNumber = Number(year);
  const ready =
    file !== null &&
    Number.isInteger(yearNumber) &&
    yearNumber >= 2000 &&
    yearNumber <= 2100 &&
    (kind === 'scores' || name.trim() !== '');

  const submit = async (dryRun: boolean) => {
    if (!file || !ready) return;
    setPending(true);
    setFailure(null);
    setReport(null);
    try {
      setReport(await runImport({ kind, level, year: yearNumber, name, source, replace, dryRun, file }));
    } catch (error) {
      const http = error instanceof HttpError ? error : null;
      const body = http?.body as { serverMessage?: string } | undefined;
      setFailure(body?.serverMessage ?? translate(http?.message ?? 'ra.notification.http_error', { _: http?.message }));
    } finally {
      setPending(false);
    }
  };

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    setReport(null);
    setFailure(null);
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="par.import.title" />
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate(kind === 'structure' ? 'par.import.structure_help' : 'par.import.scores_help')}
        </Typography>
        <Stack spacing={2} sx={{ maxWidth: 640 }}>
          <ToggleButtonGroup
            exclusive
            value={kind}
            onChange={(_event, value: ImportKind | null) => {
              if (value) {
                setKind(value);
                setReport(null);
              }
            }}
            aria-label={translate('par.import.kind')}
          >
            <ToggleButton value="structure">{translate('par.import.structure')}</ToggleButton>
            <ToggleButton value="scores">{translate('par.import.scores')}</ToggleButton>
          </ToggleButtonGroup>
          <Stack direction="row" spacing={2}>
            <TextField
              select
              label={translate('par.import.level')}
              value={level}
              onChange={(event) => setLevel(event.target.value)}
              sx={{ minWidth: 200 }}
            >
              {enums.IndexLevel.map((value) => (
                <MenuItem key={value} value={value}>
                  {translate(`par.enum.IndexLevel.${value}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={translate('par.import.year')}
              type="number"
              value={year}
              onChange={(event) => setYear(event.target.value)}
              slotProps={{ htmlInput: { min: 2000, max: 2100 } }}
            />
          </Stack>
          {kind === 'structure' && (
            <>
              <TextField
                label={translate('par.import.name')}
                value={name}
                required
                onChange={(event) => setName(event.target.value)}
                helperText={translate('par.import.name_help')}
              />
              <TextField
                label={translate('par.import.source')}
                value={source}
                onChange={(event) => setSource(event.target.value)}
              />
            </>
          )}
          <FormControlLabel
            control={<Checkbox checked={replace} onChange={(event) => setReplace(event.target.checked)} />}
            label={translate(kind === 'structure' ? 'par.import.replace_structure' : 'par.import.replace_scores')}
          />
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button component="label" variant="outlined" startIcon={<UploadIcon />}>
              {translate('par.import.choose_file')}
              <input
                hidden
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={chooseFile}
              />
            </Button>
            <Typography variant="body2">{file ? file.name : translate('par.import.no_file')}</Typography>
          </Stack>
          <Stack direction="row" spacing={2}>
            <Button variant="outlined" disabled={!ready || pending} onClick={() => void submit(true)}>
              {translate('par.import.check')}
            </Button>
            <Button variant="contained" disabled={!ready || pending} onClick={() => void submit(false)}>
              {translate('par.import.import')}
            </Button>
            <Button startIcon={<DownloadIcon />} onClick={() => downloadTemplate(kind)}>
              {translate('par.import.template')}
            </Button>
          </Stack>
        </Stack>
        {pending && <LinearProgress sx={{ mt: 2 }} />}
        {failure && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {failure}
          </Alert>
        )}
        {report && <ReportView report={report} />}
      </CardContent>
    </Card>
  );
};

export default IndexImport;
