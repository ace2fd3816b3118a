import { createContext, useContext } from 'react';
import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';

export const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      userId
      email
      role
      scope
      account {
        id
        name
        plan
        timezone
        canEditReports
        reportEditingRequires
      }
    }
  }
`);

export type Viewer = ViewerQuery['viewer'];

export const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in user; only used below the sign-in gate, where there is one. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside the signed-in app');
  return viewer;
}
