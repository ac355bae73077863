// A page of the workflow: its landmark, title, introduction and header actions, then its content.
import type { ReactNode } from 'react';

export function PageSection({ id, title, intro, actions, children }: { id: string; title: string; intro: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="page" data-testid={`page-${id}`} aria-labelledby={`page-title-${id}`}>
      <div className="page-header">
        <div>
          <h1 className="page-title" id={`page-title-${id}`}>
            {title}
          </h1>
          <p className="page-intro">{intro}</p>
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}
