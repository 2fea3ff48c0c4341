import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

// react-admin lets wide content widen the whole page; on a phone that pushes the app bar and every
// show page off screen. Keep the page to the screen and let wide tables scroll on their own.
const contentFitsScreen = {
  minWidth: 0,
  '& .RaLayout-content, & .RaList-main, & .RaShow-card': { minWidth: 0 },
  '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
};

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppBar} menu={Menu} sx={contentFitsScreen}>
    {children}
  </RaLayout>
);
