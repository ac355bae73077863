// A calm placeholder box: what will appear here once there is something to show.
import type { ReactNode } from 'react';

export function EmptyState({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <div className="empty-state">
      <h2 className="empty-state-heading">{heading}</h2>
      <p className="empty-state-text">{children}</p>
    </div>
  );
}
