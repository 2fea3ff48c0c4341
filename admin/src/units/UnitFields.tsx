import { EnumField } from '../common/EnumField';

export const UnitKindField = () => <EnumField source="kind" enumName="UnitKind" />;
