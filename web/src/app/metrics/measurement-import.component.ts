import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MEASUREMENT_CSV_COLUMNS, type MeasurementImportResult } from '@lodestar/contracts';
import { CsvImportComponent, type CsvReasonField, type CsvUpload } from '../shared/csv-import.component';
import { batchSummaryText, measurementCsvTemplate } from './measurement-format';
import { MeasurementsService } from './measurements.service';

const REASON: CsvReasonField = {
  label: 'Reason (when the file restates months)',
  hint: 'Months that already hold a different value keep it in their history with this reason.',
};

/**
 * Loads measurements from a CSV file, all or nothing: the upload's progress, then what was created,
 * restated and left unchanged, or every rejected line and the plain fact that nothing was stored.
 */
@Component({
  selector: 'ls-measurement-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CsvImportComponent],
  template: `
    <ls-csv-import
      sectionId="measurement-import"
      dropTestId="measurement-drop"
      rowsName="measurements"
      fileLabel="Measurements CSV file"
      templateFileName="measurements-template.csv"
      [columns]="columns"
      [template]="template()"
      [reasonField]="reasonField"
      [send]="send"
      [summary]="summary"
      (imported)="imported.emit($event)"
    >
      <ul>
        <li>
          <strong>metric</strong> is a metric key such as <code>quota_attainment</code> or
          <code>revenue</code>.
        </li>
        <li><strong>org_unit</strong> is a unit key such as <code>key-accounts</code>.</li>
        <li><strong>period</strong> is a month such as <code>2026-03</code>.</li>
        <li>
          Ratio metrics take <strong>numerator</strong> and <strong>denominator</strong> (bookings and
          quota…); the others take <strong>value</strong>. <strong>note</strong> may be empty.
        </li>
      </ul>
    </ls-csv-import>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class MeasurementImportComponent {
  private readonly measurements = inject(MeasurementsService);

  /** The first month of the year on screen, used in the template's example rows. */
  readonly exampleMonth = input('2026-03');
  readonly imported = output<MeasurementImportResult>();

  protected readonly columns = MEASUREMENT_CSV_COLUMNS;
  protected readonly reasonField = REASON;
  protected readonly template = computed(() => measurementCsvTemplate(this.exampleMonth()));
  protected readonly summary = batchSummaryText;
  protected readonly send: CsvUpload<MeasurementImportResult> = (file, reason) =>
    this.measurements.import(file, reason);
}
