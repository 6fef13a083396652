import { affiliationHandlers } from './affiliations/handlers';
import { customFieldHandlers } from './customFields/handlers';
import { duplicateHandlers } from './duplicates/handlers';
import { exportHandlers } from './exports/handlers';
import { importHandlers } from './imports/handlers';
import { interactionHandlers } from './interactions/handlers';
import { organizationHandlers } from './organizations/handlers';
import { peopleHandlers } from './people/handlers';
import { relationshipHandlers } from './relationships/handlers';
import { representationHandlers } from './representation/handlers';
import { searchHandlers } from './search/handlers';
import { viewHandlers } from './views/handlers';
import { vocabularyHandlers } from './vocabulary/handlers';

/** Every directory method's handler, gathered for the backend's registry. */
export const directoryHandlers = {
  ...searchHandlers,
  ...organizationHandlers,
  ...vocabularyHandlers,
  ...viewHandlers,
  ...peopleHandlers,
  ...affiliationHandlers,
  ...relationshipHandlers,
  ...interactionHandlers,
  ...exportHandlers,
  ...importHandlers,
  ...duplicateHandlers,
  ...representationHandlers,
  ...customFieldHandlers,
};
