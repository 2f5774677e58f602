import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBag, createBrew, deleteBrew } from './actions.js';
import { createDb, type DialInDb } from './db.js';
import { MissingRowError, ValidationError } from './errors.js';
import { bagsWithCounts } from './queries.js';
import { clearRecipe, recipeFor, recipeId, recipesOfBag, setRecipe } from './recipes.js';

let opened: DialInDb[] = [];
function device(): DialInDb {
  const db = createDb(`recipes-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened) await db.delete();
  opened = [];
});

const target = { doseG: 18, ratio: 2, timeMinS: 25, timeMaxS: 30, tempC: 93 };

describe('a bag’s targets', () => {
  it('have one id per bag and method on every device, so two devices write one row', async () => {
    const bagId = crypto.randomUUID();
    const [phone, laptop] = [device(), device()];
    for (const db of [phone, laptop]) await createBag(db, { name: 'Guji' }, bagId);
    await setRecipe(phone, bagId, 'espresso', target);
    await setRecipe(laptop, bagId, 'espresso', { ...target, doseG: 19 });
    const [a, b] = await Promise.all([phone.recipes.toArray(), laptop.recipes.toArray()]);
    expect(a.map((r) => r.id)).toEqual(b.map((r) => r.id));
    expect(a[0]?.id).toBe(await recipeId(bagId, 'espresso'));
    expect(await recipeId(bagId, 'pour_over')).not.toBe(a[0]?.id);
  });

  it('set, change only what changed, clear and come back, each through the outbox', async () => {
    const db = device();
    const bagId = await createBag(db, { name: 'Guji' });
    expect(await setRecipe(db, bagId, 'espresso', target)).toBe(true);
    expect(await setRecipe(db, bagId, 'espresso', target)).toBe(false);
    expect(await setRecipe(db, bagId, 'espresso', { ...target, timeMaxS: 32 })).toBe(true);
    const edits = (await db.outbox.toArray()).filter((e) => e.entity === 'recipe');
    expect(edits.map((e) => e.patch)).toEqual([
      { bagId, method: 'espresso', ...target },
      { timeMaxS: 32 },
    ]);
    expect(await recipeFor(db, bagId, 'espresso')).toMatchObject({ timeMaxS: 32 });
    await setRecipe(db, bagId, 'pour_over', { ...target, doseG: 15, ratio: 16.5 });
    expect((await recipesOfBag(db, bagId)).map((r) => r.method).sort()).toEqual([
      'espresso',
      'pour_over',
    ]);

    expect(await clearRecipe(db, bagId, 'espresso')).toBe(true);
    expect(await recipeFor(db, bagId, 'espresso')).toBeUndefined();
    expect(await clearRecipe(db, bagId, 'espresso')).toBe(false);
    await setRecipe(db, bagId, 'espresso', target);
    expect(await recipeFor(db, bagId, 'espresso')).toMatchObject({ ...target, deletedAt: null });
  });

  it('refuse a bag that is not here and values out of range, writing nothing', async () => {
    const db = device();
    await expect(setRecipe(db, crypto.randomUUID(), 'espresso', target)).rejects.toBeInstanceOf(
      MissingRowError,
    );
    const bagId = await createBag(db, { name: 'Guji' });
    const before = await db.outbox.count();
    await expect(
      setRecipe(db, bagId, 'espresso', { ...target, ratio: 0.1 }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.outbox.count()).toBe(before);
    expect(await db.recipes.count()).toBe(0);
  });
});

describe('coffee used', () => {
  it('adds the doses of the bag’s live brews, a deleted one not', async () => {
    const db = device();
    const bagId = await createBag(db, { name: 'Guji', weightG: 250 });
    const other = await createBag(db, { name: 'Huila' });
    await createBrew(db, { bagId, doseG: 18 });
    await createBrew(db, { bagId, doseG: 18.5 });
    await createBrew(db, { bagId });
    const gone = await createBrew(db, { bagId, doseG: 20 });
    await deleteBrew(db, gone);
    await createBrew(db, { bagId: other, doseG: 15 });
    const bags = await bagsWithCounts(db);
    expect(bags.find((b) => b.id === bagId)).toMatchObject({ usedG: 36.5, brewCount: 3 });
    expect(bags.find((b) => b.id === other)).toMatchObject({ usedG: 15 });
  });
});
