import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { SeedProgress } from '../../components/seed-progress';
import type { SeedStatus } from '../../lib/data/seed';
import { sendMessage } from '../../lib/messaging';

/** Polls the seed status until the data is ready (the background keeps no page connections). */
function useSeedStatus(): SeedStatus | undefined {
  const [status, setStatus] = useState<SeedStatus>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (): Promise<void> => {
      const next = await sendMessage('getStatus', {}).catch((error: unknown) => ({
        state: 'error' as const,
        done: 0,
        total: 0,
        error: String(error),
      }));
      setStatus(next);
      if (next.state !== 'ready') timer = setTimeout(() => void poll(), 250);
    };
    void poll();
    return () => clearTimeout(timer);
  }, []);
  return status;
}

export function Popup(): JSX.Element {
  const status = useSeedStatus();
  return (
    <main>
      <h1>Credits Cue</h1>
      <SeedProgress status={status} />
    </main>
  );
}
