import { Pipe, PipeTransform } from '@angular/core';
import { formatDateTime, formatInteger } from './format';

@Pipe({ name: 'lsDateTime' })
export class DateTimePipe implements PipeTransform {
  transform(iso: string | null | undefined, withSeconds = false): string {
    return iso ? formatDateTime(iso, withSeconds) : '';
  }
}

@Pipe({ name: 'lsInteger' })
export class IntegerPipe implements PipeTransform {
  transform(value: number | null | undefined): string {
    return value === null || value === undefined ? '' : formatInteger(value);
  }
}
