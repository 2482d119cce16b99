import { RecordEditorPage } from '../common/record-editor-page';
import { PackageForm } from './package-form';

/** `/catalog/packages/new` (id null, optionally for a carrier) and `/catalog/packages/$packageId`. */
export function PackageEditorPage({ id, carrierCode }: { id: string | null; carrierCode?: string }) {
  return (
    <RecordEditorPage
      entity="packages"
      id={id}
      listTo="/catalog/packages"
      listTitle="Packages"
      description="A carrier’s products bundled with a price, offered for chosen line and order types."
    >
      {(pkg, host) => <PackageForm record={pkg} host={host} defaultCarrierCode={carrierCode} />}
    </RecordEditorPage>
  );
}
