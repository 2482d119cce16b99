import { RecordEditorPage } from '../common/record-editor-page';
import { CarrierForm } from './carrier-form';

/** `/catalog/carriers/new` (id null) and `/catalog/carriers/$carrierId`. */
export function CarrierEditorPage({ id }: { id: string | null }) {
  return (
    <RecordEditorPage
      entity="carriers"
      id={id}
      listTo="/catalog/carriers"
      listTitle="Carriers"
      description="A network you sell on: what it accepts, what it needs on a line, and how orders reach it."
    >
      {(carrier, host) => <CarrierForm record={carrier} host={host} />}
    </RecordEditorPage>
  );
}
