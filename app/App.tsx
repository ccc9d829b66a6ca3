import { EngineCheck } from './EngineCheck.tsx';

/** The page shell: title, what the lab is for, and what it is built on so far. */
export function App() {
  return (
    <main className="page">
      <header className="masthead">
        <h1>Shift Lab</h1>
        <p className="lede">
          The same network, trained twice from the same starting weights on the same mini-batches: once plain,
          once with batch normalization. Watch where the two runs part ways, and why.
        </p>
      </header>
      <EngineCheck />
    </main>
  );
}
