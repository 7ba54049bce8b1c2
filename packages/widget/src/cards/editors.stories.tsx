import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ReactNode } from "react";
import { fn } from "storybook/test";
import type { CardMessages } from "../i18n/card-messages.js";
import { Card } from "./card.js";
import { CompanyEditor } from "./company-editor.js";
import { UndoNotice } from "./edit/undo.js";
import { sampleNuances, sampleProfile, sampleTraits } from "./fixtures.js";
import { NuanceEditor } from "./nuance-editor.js";
import { StageEditor } from "./stage-editor.js";
import { TraitEditor } from "./trait-editor.js";
import { useCardLabels } from "./use-labels.js";

/** The inline editors as the cards open them (Add trait, Add stage, Edit company, Add or edit a note, Undo). */
const meta = { title: "Cards/Editors" } satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** The story's labels in the toolbar's language. */
function WithLabels({ children }: { children: (labels: CardMessages) => ReactNode }) {
  return <>{children(useCardLabels())}</>;
}
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
    <WithLabels>
      {(labels) => (
        <Card name="traits" title={labels.traitsTitle} state="idle">
          <TraitEditor trait={null} labels={labels} onSave={onSave} onCancel={onCancel} />
        </Card>
      )}
    </WithLabels>
  ),
};

export const EditTraitSignals: Story = {
  render: () => (
    <WithLabels>
      {(labels) => (
        <Card name="traits" title={labels.traitsTitle} state="idle">
          <TraitEditor trait={sampleTraits[0] ?? null} labels={labels} onSave={onSave} onCancel={onCancel} />
        </Card>
      )}
    </WithLabels>
  ),
};

export const AddStage: Story = {
  render: () => (
    <WithLabels>
      {(labels) => (
        <Card name="stages" title={labels.stagesTitle} state="idle">
          <StageEditor stage={null} labels={labels} onSave={onSave} onCancel={onCancel} />
        </Card>
      )}
    </WithLabels>
  ),
};

export const EditCompany: Story = {
  render: () => (
    <WithLabels>
      {(labels) => (
        <Card name="company" title={labels.companyTitle} state="idle">
          <CompanyEditor
            company={sampleProfile.company}
            labels={labels}
            onSave={onSave}
            onCancel={onCancel}
          />
        </Card>
      )}
    </WithLabels>
  ),
};

export const StartCompany: Story = {
  render: () => (
    <WithLabels>
      {(labels) => (
        <Card name="company" title={labels.companyTitle} state="empty">
          <CompanyEditor company={undefined} labels={labels} onSave={onSave} onCancel={onCancel} />
        </Card>
      )}
    </WithLabels>
  ),
};

export const AddNote: Story = {
  render: () => (
    <WithLabels>
      {(labels) => (
        <Card name="nuances" title={labels.nuancesTitle} state="idle">
          <NuanceEditor
            nuance={null}
            title={labels.addNuance}
            labels={labels}
            onSave={onSave}
            onCancel={onCancel}
          />
        </Card>
      )}
    </WithLabels>
  ),
};

export const EditNote: Story = {
  render: () => {
    const note = sampleNuances[0];
    if (!note) throw new Error("fixture has notes");
    return (
      <WithLabels>
        {(labels) => (
          <Card name="nuances" title={labels.nuancesTitle} state="idle">
            <NuanceEditor
              nuance={note}
              title={note.insight}
              labels={labels}
              onSave={onSave}
              onCancel={onCancel}
            />
          </Card>
        )}
      </WithLabels>
    );
  },
};

export const UndoAfterDelete: Story = {
  render: () => (
    <WithLabels>
      {(labels) => (
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
      )}
    </WithLabels>
  ),
};
