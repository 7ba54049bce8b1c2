import type { Meta, StoryObj } from "@storybook/react-vite";
import { fn } from "storybook/test";
import { DEFAULT_CARD_LABELS } from "../labels.js";
import { Card } from "./card.js";
import { CompanyEditor } from "./company-editor.js";
import { UndoNotice } from "./edit/undo.js";
import { sampleNuances, sampleProfile, sampleTraits } from "./fixtures.js";
import { NuanceEditor } from "./nuance-editor.js";
import { StageEditor } from "./stage-editor.js";
import { TraitEditor } from "./trait-editor.js";

/** The inline editors as the cards open them (Add trait, Add stage, Edit company, Edit a note, Undo). */
const meta = { title: "Cards/Editors" } satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const labels = DEFAULT_CARD_LABELS;
const onSave = fn();
const onCancel = fn();
const founderChat = {
  id: "s-founder",
  name: "Founder chat",
  description: "Values and vision.",
  order: 3,
  actions: [],
};

export const AddTrait: Story = {
  render: () => (
    <Card name="traits" title={labels.traitsTitle} state="idle">
      <TraitEditor trait={null} labels={labels} onSave={onSave} onCancel={onCancel} />
    </Card>
  ),
};

export const EditTraitSignals: Story = {
  render: () => (
    <Card name="traits" title={labels.traitsTitle} state="idle">
      <TraitEditor trait={sampleTraits[0] ?? null} labels={labels} onSave={onSave} onCancel={onCancel} />
    </Card>
  ),
};

export const AddStage: Story = {
  render: () => (
    <Card name="stages" title={labels.stagesTitle} state="idle">
      <StageEditor stage={null} labels={labels} onSave={onSave} onCancel={onCancel} />
    </Card>
  ),
};

export const EditCompany: Story = {
  render: () => (
    <Card name="company" title={labels.companyTitle} state="idle">
      <CompanyEditor company={sampleProfile.company} labels={labels} onSave={onSave} onCancel={onCancel} />
    </Card>
  ),
};

export const StartCompany: Story = {
  render: () => (
    <Card name="company" title={labels.companyTitle} state="empty">
      <CompanyEditor company={undefined} labels={labels} onSave={onSave} onCancel={onCancel} />
    </Card>
  ),
};

export const EditNote: Story = {
  render: () => {
    const note = sampleNuances[0];
    if (!note) throw new Error("fixture has notes");
    return (
      <Card name="nuances" title={labels.nuancesTitle} state="idle">
        <NuanceEditor
          nuance={note}
          title={note.insight}
          labels={labels}
          onSave={onSave}
          onCancel={onCancel}
        />
      </Card>
    );
  },
};

export const UndoAfterDelete: Story = {
  render: () => (
    <Card name="stages" title={labels.stagesTitle} state="idle">
      <UndoNotice
        undoable={{
          name: "Founder chat",
          restore: { type: "stage.add", data: { stage: founderChat } },
        }}
        labels={labels}
        onUndo={fn()}
        onPause={fn()}
      />
    </Card>
  ),
};
