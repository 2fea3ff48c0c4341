import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import accounts from './accounts';
import auditEntries from './auditEntries';
import { authProvider } from './authProvider';
import Dashboard from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import headships from './headships';
import improvementPlans from './improvementPlans';
import { i18nProvider } from './i18n';
import indexResults from './indexResults';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import objectives from './objectives';
import people from './people';
import reformAreas from './reformAreas';
import resolutions from './resolutions';
import satisfactionResults from './satisfactionResults';
import targets from './targets';
import tasks from './tasks';
import units from './units';

const MyUnitTasks = lazy(() => import('./myUnit/MyUnitTasks'));
const ReviewQueue = lazy(() => import('./reviewQueue/ReviewQueue'));
const ChangePassword = lazy(() => import('./account/ChangePassword'));
const IndexImport = lazy(() => import('./indexImport/IndexImport'));

export const App = () => (
  <Admin
    title="CCHC Đạ Tẻh"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    loginPage={LoginPage}
    requireAuth
    disableTelemetry
  >
    <Resource name="tasks" {...tasks} />
    <Resource name="units" {...units} />
    <Resource name="objectives" {...objectives} />
    <Resource name="targets" {...targets} />
    <Resource name="improvementPlans" {...improvementPlans} />
    <Resource name="resolutions" {...resolutions} />
    <Resource name="reformAreas" {...reformAreas} />
    <Resource name="people" {...people} />
    <Resource name="headships" {...headships} />
    <Resource name="indexResults" {...indexResults} />
    <Resource name="satisfactionResults" {...satisfactionResults} />
    <Resource name="accounts" {...accounts} />
    <Resource name="auditEntries" {...auditEntries} />
    <CustomRoutes>
      <Route path="/my-unit" element={<MyUnitTasks />} />
      <Route path="/review" element={<ReviewQueue />} />
      <Route path="/account/password" element={<ChangePassword />} />
      <Route path="/index-import" element={<IndexImport />} />
    </CustomRoutes>
  </Admin>
);
