import MyUnitIcon from '@mui/icons-material/ApartmentOutlined';
import ReviewIcon from '@mui/icons-material/FactCheckOutlined';
import ImportIcon from '@mui/icons-material/UploadFileOutlined';
import { Divider, ListSubheader } from '@mui/material';
import { Menu as RaMenu, useGetIdentity, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import type { Role } from '../enums';

// Daily work first (a unit head's own tasks, the reviewers' queue, all tasks and the units that carry
// them out, what they aim at), then the reference data the secretariat maintains and the analysts browse,
// then the system: accounts (the secretariat) and the audit log (those the API's `me` says may read
// it). Resource items hide themselves when access.ts refuses the resource.
export const Menu = () => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  const { permissions } = usePermissions<Role>();
  const { identity } = useGetIdentity();
  const system = permissions === 'ADMIN' || identity?.canReadAuditLog === true;
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {permissions === 'UNIT_HEAD' && (
        <RaMenu.Item to="/my-unit" primaryText="par.my_unit.menu" leftIcon={<MyUnitIcon />} />
      )}
      {(permissions === 'COMMITTEE' || permissions === 'ADMIN') && (
        <RaMenu.Item to="/review" primaryText="par.review.menu" leftIcon={<ReviewIcon />} />
      )}
      <RaMenu.ResourceItem name="tasks" />
      <RaMenu.ResourceItem name="units" />
      <RaMenu.ResourceItem name="objectives" />
      <RaMenu.ResourceItem name="targets" />
      <RaMenu.ResourceItem name="improvementPlans" />
      <Divider />
      {open && <ListSubheader sx={{ lineHeight: 2.5 }}>{translate('par.menu.reference')}</ListSubheader>}
      <RaMenu.ResourceItem name="resolutions" />
      <RaMenu.ResourceItem name="reformAreas" />
      <RaMenu.ResourceItem name="people" />
      <RaMenu.ResourceItem name="headships" />
      <RaMenu.ResourceItem name="indexResults" />
      <RaMenu.ResourceItem name="satisfactionResults" />
      {permissions === 'ADMIN' && (
        <RaMenu.Item to="/index-import" primaryText="par.import.menu" leftIcon={<ImportIcon />} />
      )}
      {system && [
        <Divider key="divider" />,
        open && (
          <ListSubheader key="title" sx={{ lineHeight: 2.5 }}>
            {translate('par.menu.system')}
          </ListSubheader>
        ),
        <RaMenu.ResourceItem key="accounts" name="accounts" />,
        <RaMenu.ResourceItem key="auditEntries" name="auditEntries" />,
      ]}
    </RaMenu>
  );
};
