import { Labeled, Show, TextField } from 'react-admin';
import { DecimalField } from '../common/LocaleFields';
import { ReferenceLink } from '../common/ReferenceLink';
import { ShowBody, ShowGrid, ShowSection } from '../common/ShowGrid';
import { TargetValueField } from './TargetFields';
import { TargetMetricField, TargetOutlook, TargetYears } from './TargetProgress';

const TargetShow = () => (
  <Show>
    <ShowBody>
      <Labeled source="indicator" fullWidth>
        <TextField source="indicator" />
      </Labeled>
      <ShowGrid>
        <Labeled source="code">
          <TextField source="code" />
        </Labeled>
        <Labeled source="targetValue">
          <TargetValueField />
        </Labeled>
        <Labeled source="targetYear">
          <TextField source="targetYear" />
        </Labeled>
        <Labeled source="objective">
          <ReferenceLink source="objective" reference="objectives" display="title" />
        </Labeled>
        <Labeled source="unit">
          <ReferenceLink source="unit" reference="units" display="name" />
        </Labeled>
        <Labeled source="baselineValue">
          <DecimalField source="baselineValue" emptyText="—" />
        </Labeled>
        <Labeled source="baselineYear">
          <TextField source="baselineYear" emptyText="—" />
        </Labeled>
        <Labeled source="metric" label="par.targets.metric">
          <TargetMetricField />
        </Labeled>
        <Labeled source="source">
          <TextField source="source" emptyText="—" />
        </Labeled>
      </ShowGrid>
      <ShowSection title="par.targets.projection">
        <TargetOutlook />
      </ShowSection>
      <ShowSection title="par.targets.progress">
        <TargetYears />
      </ShowSection>
    </ShowBody>
  </Show>
);

export default TargetShow;
