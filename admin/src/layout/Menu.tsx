import { Divider, ListSubheader } from '@mui/material';
import { Menu as RaMenu, useSidebarState, useTranslate } from 'react-admin';

// Daily work first (tasks and the units that carry them out, what they aim at), then the reference
// data the secretariat maintains and the analysts browse.
export const Menu = () => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItem name="tasks" />
      <RaMenu.ResourceItem name="units" />
      <RaMenu.ResourceItem name="objectives" />
      <RaMenu.ResourceItem name="targets" />
      <Divider />
      {open && <ListSubheader sx={{ lineHeight: 2.5 }}>{translate('par.menu.reference')}</ListSubheader>}
      <RaMenu.ResourceItem name="resolutions" />
      <RaMenu.ResourceItem name="reformAreas" />
      <RaMenu.ResourceItem name="people" />
      <RaMenu.ResourceItem name="headships" />
      <RaMenu.ResourceItem name="indexResults" />
    </RaMenu>
  );
};
