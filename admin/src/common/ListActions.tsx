// The actions above every list: react-admin's filter and create buttons, and the CSV/XLSX export menu
// in place of its CSV-only export button.
import { CreateButton, FilterButton, TopToolbar, useFilterContext, useResourceDefinition } from 'react-admin';
import { ListExportMenu } from './ExportMenu';

export const ListActions = () => {
  const filters = useFilterContext();
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      {filters && filters.length > 0 && <FilterButton />}
      {hasCreate && <CreateButton />}
      <ListExportMenu />
    </TopToolbar>
  );
};
