import { ArrayField, BooleanField, DataTable, Labeled, ResourceContextProvider, Show, TextField } from 'react-admin';
import { DayField, DecimalField } from '../common/LocaleFields';
import { ReferenceLink } from '../common/ReferenceLink';
import { ShowBody, ShowGrid, ShowSection } from '../common/ShowGrid';
import { IndexLevelField, RankField } from './IndexResultFields';

const percent = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

const IndexResultShow = () => (
  <Show>
    <ShowBody>
      <ShowGrid>
        <Labeled source="unit">
          <ReferenceLink source="unit" reference="units" display="name" />
        </Labeled>
        <Labeled source="year">
          <TextField source="year" />
        </Labeled>
        <Labeled source="level">
          <IndexLevelField />
        </Labeled>
        <Labeled source="framework">
          <TextField source="framework.name" />
        </Labeled>
        <Labeled source="publishedPercent">
          <DecimalField source="publishedPercent" options={percent} emptyText="—" />
        </Labeled>
        <Labeled source="publishedRank">
          <RankField />
        </Labeled>
        <Labeled source="publishedOn">
          <DayField source="publishedOn" emptyText="—" />
        </Labeled>
        <Labeled source="percent">
          <DecimalField source="percent" options={percent} emptyText="—" />
        </Labeled>
        <Labeled source="totalPoints">
          <DecimalField source="totalPoints" options={percent} />
        </Labeled>
        <Labeled source="illustrative">
          <BooleanField source="illustrative" />
        </Labeled>
        <Labeled source="source">
          <TextField source="source" emptyText="—" />
        </Labeled>
      </ShowGrid>
      <ShowSection title="resources.indexResults.fields.scores">
        <ResourceContextProvider value="indexScores">
          <ArrayField source="scores" sort={{ field: 'node.code', order: 'ASC' }} perPage={1000}>
            <DataTable bulkActionButtons={false} rowClick={false}>
              <DataTable.Col source="node.code" label="resources.indexScores.fields.code" disableSort />
              <DataTable.Col source="node.name" label="resources.indexScores.fields.name" disableSort />
              <DataTable.Col
                source="node.maxPoints"
                label="resources.indexScores.fields.maxPoints"
                align="right"
                disableSort
              >
                <DecimalField source="node.maxPoints" />
              </DataTable.Col>
              <DataTable.Col source="points" align="right" disableSort>
                <DecimalField source="points" />
              </DataTable.Col>
            </DataTable>
          </ArrayField>
        </ResourceContextProvider>
      </ShowSection>
    </ShowBody>
  </Show>
);

export default IndexResultShow;
