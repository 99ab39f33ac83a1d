/** What is wrong with an import file, said for the reader (utils/notes/file.ts finds it). */
import { t } from '@/utils/i18n';
import type { FieldProblem, FileProblem } from '@/utils/notes/file';

const mb = (bytes: number) => String(Math.ceil(bytes / (1024 * 1024)));

export function problemText(p: FileProblem): string {
  switch (p.kind) {
    case 'too-big':
      return t('notesImportTooBig', [mb(p.bytes), mb(p.limit)]);
    case 'not-json':
      return t('notesImportNotJson', p.detail);
    case 'wrong-format':
      return t('notesImportWrongFormat');
    case 'future-version':
      return t('notesImportFuture', [String(p.version), String(p.supported)]);
    case 'bad-field':
      return t('notesImportBadField', [fieldText(p.problem), p.path]);
  }
}

function fieldText(p: FieldProblem): string {
  switch (p.is) {
    case 'missing':
      return t('notesProblemMissing');
    case 'type':
      return t('notesProblemType', p.expected);
    case 'too-long':
      return t('notesProblemTooLong', String(p.max));
    case 'too-many':
      return t('notesProblemTooMany', String(p.max));
    case 'url':
      return t('notesProblemUrl');
    case 'time':
      return t('notesProblemTime');
    case 'duplicate':
      return t('notesProblemDuplicate');
    case 'unknown-key':
      return t('notesProblemUnknownKey', p.key);
    case 'not-allowed':
      return t('notesProblemNotAllowed');
  }
}
