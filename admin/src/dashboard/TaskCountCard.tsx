import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useCreatePath, useGetList, useTranslate } from 'react-admin';
import type { Timeliness } from '../enums';

interface TaskCountCardProps {
  title: string;
  timeliness: Timeliness[];
  icon: ReactNode;
  color: string;
}

/** How many tasks are in the given timeliness categories, linking to the list filtered on them. */
export const TaskCountCard = ({ title, timeliness, icon, color }: TaskCountCardProps) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  // Only the total is read: one row is the smallest page.
  const { total, isPending } = useGetList('tasks', {
    filter: { timeliness },
    pagination: { page: 1, perPage: 1 },
  });
  const listPath = `${createPath({ resource: 'tasks', type: 'list' })}?filter=${encodeURIComponent(
    JSON.stringify({ timeliness }),
  )}`;
  return (
    <Card sx={{ flex: '1 1 220px', borderTop: 4, borderColor: color }}>
      <CardActionArea component={Link} to={listPath}>
        <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          {icon}
          <div>
            <Typography variant="body2" color="text.secondary">
              {translate(title)}
            </Typography>
            <Typography variant="h4" component="p">
              {isPending ? '…' : (total ?? 0)}
            </Typography>
          </div>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
