/** Record kinds with no operations beyond create, read, update and delete. */
import { templateInputSchema, type TemplateInput } from '../../domain/template';
import { Repository, type DataContext } from './repository';

export const templateRepository = (context: DataContext) =>
  new Repository<'templates', TemplateInput>(context, 'templates', templateInputSchema);
