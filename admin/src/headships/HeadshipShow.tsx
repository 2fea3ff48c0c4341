import { BooleanField, Labeled, Show, TextField } from 'react-admin';
import { DayField, InstantField } from '../common/LocaleFields';
import { ReferenceLink } from '../common/ReferenceLink';
import { ShowBody, ShowGrid } from '../common/ShowGrid';

const HeadshipShow = () => (
  <Show>
    <ShowBody>
      <ShowGrid>
        <Labeled source="person">
          <ReferenceLink source="person" reference="people" display="fullName" />
        </Labeled>
        <Labeled source="unit">
          <ReferenceLink source="unit" reference="units" display="name" />
        </Labeled>
        <Labeled source="title">
          <TextField source="title" />
        </Labeled>
        <Labeled source="startDate">
          <DayField source="startDate" />
        </Labeled>
        <Labeled source="endDate">
          <DayField source="endDate" emptyText="—" />
        </Labeled>
        <Labeled source="acting">
          <BooleanField source="acting" />
        </Labeled>
        <Labeled source="current">
          <BooleanField source="current" />
        </Labeled>
        <Labeled source="updatedAt">
          <InstantField source="updatedAt" />
        </Labeled>
      </ShowGrid>
    </ShowBody>
  </Show>
);

export default HeadshipShow;
